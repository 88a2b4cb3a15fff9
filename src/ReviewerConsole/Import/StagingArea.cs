using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// An import's own directory under <c>staging/</c>. The ciphertext of each new item is copied here while the bundle is
/// verified (so the bundle is read once, and the bytes decrypted are the bytes hashed), fsynced, then decrypted from
/// here; the commit moves the files into <c>evidence/</c>. It holds ciphertext only. Removed when disposed, whatever
/// happened; one left by a killed import is removed when the next import starts.
/// </summary>
internal sealed class StagingArea : IDisposable
{
    private readonly VaultSession vault;
    private readonly string root;
    private readonly Func<BundleItem, bool> wanted;
    private readonly Dictionary<string, string> paths = new(StringComparer.Ordinal);
    private WritebackFileStream? open;

    /// <param name="vault">The open vault (its lock means no other import runs).</param>
    /// <param name="wanted">Whether an item is to be imported (not already in the vault, of a kind imported here).</param>
    public StagingArea(VaultSession vault, Func<BundleItem, bool> wanted)
    {
        this.vault = vault;
        this.wanted = wanted;
        if (Directory.Exists(vault.Paths.Staging))
        {
            Directory.Delete(vault.Paths.Staging, recursive: true);
        }

        VaultService.CreateDirectory(vault.Paths.Staging);
        root = Path.Combine(vault.Paths.Staging, Guid.NewGuid().ToString("N"));
        VaultService.CreateDirectory(root);
    }

    /// <summary>For <see cref="BundleReader.Open"/>: a new staged file for a wanted item, null for any other.</summary>
    public Stream? CopyFor(BundleItem item)
    {
        // The previous item's bytes all matched its hash by now: on to disk with them.
        CloseOpen();
        if (!wanted(item))
        {
            return null;
        }

        string path = Path.Combine(root, item.Id + ".age");
        FileStream file = DurableFiles.CreateNew(path, ownerOnly: true);
        paths.Add(item.Id, path);
        open = new WritebackFileStream(file);
        return open;
    }

    /// <summary>After the bundle verified: the last copy is on disk too.</summary>
    public void Complete() => CloseOpen();

    /// <summary>The staged copy of an item, if it was wanted.</summary>
    public bool TryGetPath(string id, out string path) => paths.TryGetValue(id, out path!);

    public void Dispose()
    {
        try
        {
            // After a failed write (a full disk) closing fails again: the file goes with the directory anyway.
            open?.Dispose();
        }
        catch (IOException)
        {
        }

        open = null;
        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            if (Directory.Exists(vault.Paths.Staging) && !Directory.EnumerateFileSystemEntries(vault.Paths.Staging).Any())
            {
                Directory.Delete(vault.Paths.Staging);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ErrorReporter.Warning($"could not remove the staging directory \"{root}\" (it holds only ciphertext); delete it by hand");
        }
    }

    private void CloseOpen()
    {
        if (open is null)
        {
            return;
        }

        using WritebackFileStream closing = open;
        open = null;
        closing.FlushToDisk();
    }
}
