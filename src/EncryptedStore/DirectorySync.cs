using System.Runtime.InteropServices;

namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// fsync of a directory, so that a file created and renamed into it survives a power loss (POSIX makes no promise that
/// fsync of the file alone persists its directory entry). .NET has no API for it. Windows has no equivalent: NTFS
/// journals the rename itself.
/// </summary>
public static partial class DirectorySync
{
    private const int ReadOnlyFlag = 0;

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        var fd = Open(directory, ReadOnlyFlag);
        if (fd < 0)
        {
            throw new IOException("A directory could not be opened to sync it.");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException("A directory could not be synced to disk.");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
