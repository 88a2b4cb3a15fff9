using System.Text;

namespace WhistleSubmit.Portal.Tests;

/// <summary>
/// The one scanner for invariants 1 and 2 on disk: which files under a directory (recursively, read while the portal
/// may still run) contain any canary, as UTF-8, ignoring ASCII case (a header value or address may be re-cased).
/// </summary>
internal static class DataDirectoryCanaries
{
    // admin.sock is a Unix socket, not a file with contents; store.lock is held exclusively by a running portal and
    // is always empty.
    private static readonly string[] Skipped = ["admin.sock", "store.lock"];

    public static IReadOnlyList<string> FilesContaining(string directory, params IEnumerable<string> canaries)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var needles = canaries.Select(c => Lower(Encoding.UTF8.GetBytes(c))).ToList();
        Assert.That(needles, Is.Not.Empty.And.All.Not.Empty, "scanning for nothing proves nothing");
        return [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path => !Skipped.Contains(Path.GetFileName(path)))
            .Where(path => Lower(ReadShared(path)) is var bytes && needles.Any(n => bytes.AsSpan().IndexOf(n) >= 0))];
    }

    /// <summary>Reads a file another process may hold open for writing.</summary>
    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Lower(byte[] bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is >= (byte)'A' and <= (byte)'Z')
            {
                bytes[i] = (byte)(bytes[i] + 32);
            }
        }

        return bytes;
    }
}
