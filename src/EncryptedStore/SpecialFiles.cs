using System.Runtime.InteropServices;

namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// Output paths that are not a plain regular file: a symbolic link of any kind (<c>/dev/stdout</c>, <c>/dev/fd/1</c>,
/// a link to a file elsewhere, a dangling link), a character or block device (<c>/dev/null</c>, <c>/dev/tty</c>), a
/// FIFO or a socket. Writers that make a file atomic by writing a temporary file and renaming it over the destination
/// must not do that to these: the rename would replace the node or the link itself with a regular file holding the
/// output (for a decryption, plaintext in /dev). They write through the path instead, as the age CLI does.
/// The decision is made on the path itself, not on what a link points to (lstat, via statx(2), whose layout is the
/// same on every architecture: .NET exposes no file type on Unix).
/// </summary>
public static partial class SpecialFiles
{
    private const int AtCurrentDirectory = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x0001;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int DirectoryType = 0x4000;
    private const int NoSuchFile = 2;

    /// <summary>
    /// True when <paramref name="path"/> exists and is anything but a regular file or a directory (links included);
    /// false when it is missing or a regular file. Any other failure to tell throws: guessing "regular" would bring
    /// back the rename over a device.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux())
        {
            return new FileInfo(path).LinkTarget is not null;
        }

        var buffer = new byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            return errno == NoSuchFile
                ? false
                : throw new IOException($"Could not tell what kind of file the output path is (errno {errno}).");
        }

        if ((BitConverter.ToUInt32(buffer, 0) & StatxType) == 0)
        {
            throw new IOException("Could not tell what kind of file the output path is.");
        }

        int type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type is not RegularFile and not DirectoryType;
    }

    /// <summary>
    /// Opens a special <paramref name="path"/> for writing through it, as the age CLI does: created if a link
    /// dangles (owner-only when asked), truncated if it leads to a regular file, written as it is otherwise.
    /// </summary>
    public static FileStream OpenForWrite(string path, bool ownerOnly)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 0 };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
