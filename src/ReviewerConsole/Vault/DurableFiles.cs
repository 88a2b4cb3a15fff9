using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Vault;

/// <summary>
/// Small files written durably: temporary name, fsync, rename, fsync of the directory. When replacing is allowed, a
/// link, device, FIFO or socket is written through directly instead: a rename would replace it with a regular file
/// (<see cref="SpecialFiles"/>). When it is not, the rename refuses anything already there.
/// </summary>
internal static class DurableFiles
{
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes, bool ownerOnly) => Write(path, bytes, ownerOnly, overwrite: false);

    public static void Write(string path, ReadOnlySpan<byte> bytes, bool ownerOnly, bool overwrite)
    {
        if (overwrite && SpecialFiles.IsSpecial(path))
        {
            using FileStream special = SpecialFiles.OpenForWrite(path, ownerOnly);
            special.Write(bytes);
            return;
        }

        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (FileStream stream = CreateNew(temporary, ownerOnly))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite);
            DirectorySync.Flush(directory);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public static FileStream CreateNew(string path, bool ownerOnly)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}
