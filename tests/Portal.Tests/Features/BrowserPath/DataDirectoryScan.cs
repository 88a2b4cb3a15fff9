namespace WhistleSubmit.Portal.Tests.Features.BrowserPath;

/// <summary>Finds plaintext in what the portal wrote: every file under a data directory, read while the portal runs.</summary>
internal static class DataDirectoryScan
{
    public static IReadOnlyList<string> FilesContaining(string directory, byte[] needle) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "admin.sock") // a Unix socket, not a file with contents
            .Where(f => ReadShared(f).AsSpan().IndexOf(needle) >= 0)];

    /// <summary>Reads a file the running portal may hold open; its lock file (held exclusively, empty) reads as nothing.</summary>
    private static byte[] ReadShared(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (IOException) when (Path.GetFileName(path) == "store.lock")
        {
            return [];
        }
    }
}
