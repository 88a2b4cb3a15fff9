using System.Runtime.InteropServices;

namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// Tells a path that names something other than a regular file or a directory (a character or block device, a FIFO,
/// a socket), following symbolic links as open(2) would: <c>/dev/null</c>, <c>/dev/stdout</c>, <c>/dev/fd/1</c>,
/// <c>/dev/tty</c>. Writers that make a file atomic by writing a temporary file and renaming it over the destination
/// must not do that to these: the rename would replace the device node or the link with a regular file holding the
/// output (for a decryption, plaintext in /dev). They write to them directly instead, as the age CLI does.
/// .NET exposes no file type on Unix, so this asks statx(2), whose layout is the same on every architecture.
/// </summary>
public static partial class SpecialFiles
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x0001;
    private const int StatxSize = 256;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int DirectoryType = 0x4000;

    /// <summary>True when <paramref name="path"/> exists and is neither a regular file nor a directory.</summary>
    public static bool IsSpecial(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var buffer = new byte[StatxSize];
        if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) != 0)
        {
            // Missing (or a dangling link): a new regular file will be created.
            return false;
        }

        int type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
        return type is not RegularFile and not DirectoryType;
    }

    /// <summary>Opens <paramref name="path"/>, a special file, for writing as it is: no create, no truncate, no rename.</summary>
    public static FileStream OpenForWrite(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 0 });

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] buffer);
}
