using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>
/// Overwrites a file with zeros in place, syncs it, then unlinks it: a rename or unlink alone only frees the blocks,
/// and the file's ciphertext opens with the reviewers' keys. Only as good as the disk under it (SECURITY.md,
/// Crypto-erase and its limits).
/// </summary>
internal static class EvidenceEraser
{
    /// <returns>Whether the file was there.</returns>
    public static bool Erase(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.None))
        {
            var zeros = new byte[1 << 16];
            for (long left = file.Length; left > 0; left -= zeros.Length)
            {
                file.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
            }

            file.Flush(flushToDisk: true);
        }

        File.Delete(path);
        DirectorySync.Flush(Path.GetDirectoryName(path)!);
        return true;
    }
}
