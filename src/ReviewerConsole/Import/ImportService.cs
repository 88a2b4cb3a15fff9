using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.Storage;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// Imports a submissions bundle (issue 4 "import"): verify the whole bundle before decrypting a byte, then decrypt
/// and check every new item into a staging directory; only when all succeeded are the evidence files moved into place
/// (fsynced) and one store transaction committed. On any failure the vault is exactly as before. Items already in
/// the vault are skipped, so importing a bundle twice changes nothing. Finally the receipt for
/// <c>whistle-portal confirm</c> is written.
/// </summary>
internal static class ImportService
{
    public static ImportResult Import(VaultSession vault, string bundlePath, string? receiptPath, Action<ImportProgress>? progress = null)
    {
        using FileStream file = OpenBundle(bundlePath);
        BundleReader reader;
        try
        {
            reader = BundleReader.Open(file, BundleLimits.Default, leaveOpen: true);
        }
        catch (BundleException ex)
        {
            throw new CliException(
                "the bundle is not valid: it is damaged, was modified, or holds something a bundle may not; nothing was imported",
                "ask for a fresh export from the portal; do not try to open this file another way", ex);
        }

        using (reader)
        {
            // Hashed in the verification pass: the bytes verified are the bytes the receipt names.
            string bundleSha256 = reader.Sha256;
            BundleManifest manifest = reader.Manifest;
            if (manifest.Kind != BundleKind.Submissions)
            {
                throw new CliException("this is a replies bundle (for 'whistle-portal import-replies'), not a submissions bundle; nothing was imported",
                    "import submissions bundles here ('whistle-portal export' makes them); replies bundles go to the portal");
            }

            var present = vault.Store.Read(db =>
            {
                var items = db.GetCollection(VaultSchema.Items);
                return manifest.Items.Where(i => items.FindById(i.Id) is not null).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            });

            IReadOnlyList<string> opened = [];
            if (present.Count < manifest.Items.Count)
            {
                opened = ImportNew(vault, reader, manifest, present, bundleSha256, progress);
            }
            else
            {
                for (int i = 0; i < manifest.Items.Count; i++)
                {
                    progress?.Invoke(new ImportProgress(i + 1, manifest.Items.Count, manifest.Items[i].Size, AlreadyPresent: true));
                }
            }

            string receipt = receiptPath is null ? ImportReceipt.DefaultPath(bundlePath) : Path.GetFullPath(receiptPath);
            try
            {
                new ImportReceipt(1, bundleSha256, [.. manifest.Items.Select(i => i.Id)]).Write(receipt);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"the items are in the vault, but the receipt could not be written to \"{receipt}\"",
                    "run the same import again (it changes nothing in the vault) with --receipt FILE to write it elsewhere", ex);
            }

            return new ImportResult(bundleSha256, manifest.Items.Count, manifest.Items.Count - present.Count, present.Count, opened, receipt);
        }
    }

    private static IReadOnlyList<string> ImportNew(VaultSession vault, BundleReader reader, BundleManifest manifest,
        HashSet<string> present, string bundleSha256, Action<ImportProgress>? progress)
    {
        using UnlockedKeys keys = KeyService.Unlock(vault);
        string staging = Path.Combine(vault.Paths.Staging, Guid.NewGuid().ToString("N"));
        try
        {
            // Left by an import that was killed (ciphertext only). The open store's lock means no other import runs.
            if (Directory.Exists(vault.Paths.Staging))
            {
                Directory.Delete(vault.Paths.Staging, recursive: true);
            }

            VaultService.CreateDirectory(vault.Paths.Staging);
            VaultService.CreateDirectory(staging);
            var staged = new List<StagedItem>();
            for (int i = 0; i < manifest.Items.Count; i++)
            {
                BundleItem item = manifest.Items[i];
                bool already = present.Contains(item.Id);
                if (!already)
                {
                    staged.Add(ItemStager.Stage(reader, item, i + 1, manifest.Items.Count, keys, staging));
                }

                progress?.Invoke(new ImportProgress(i + 1, manifest.Items.Count, item.Size, already));
            }

            return Commit(vault, staged, bundleSha256, manifest.Created, present.Count);
        }
        finally
        {
            RemoveStaging(vault, staging);
        }
    }

    private static IReadOnlyList<string> Commit(VaultSession vault, List<StagedItem> staged, string bundleSha256, DateOnly created, int present)
    {
        var placed = new List<string>();
        try
        {
            foreach (StagedItem s in staged)
            {
                string evidence = vault.Paths.EvidenceFile(s.Item.Id);
                // A file left by an import that crashed before its commit holds the same verified ciphertext: replace it.
                bool existed = File.Exists(evidence);
                File.Move(s.StagedPath, evidence, overwrite: true);
                if (!existed)
                {
                    placed.Add(evidence);
                }
            }

            DirectorySync.Flush(vault.Paths.Evidence);
            return vault.Store.Write(db => ImportTransaction.Apply(db, vault, staged, bundleSha256, created, present));
        }
        catch
        {
            placed.ForEach(File.Delete);
            DirectorySync.Flush(vault.Paths.Evidence);
            throw;
        }
    }

    private static void RemoveStaging(VaultSession vault, string staging)
    {
        try
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            if (Directory.Exists(vault.Paths.Staging) && !Directory.EnumerateFileSystemEntries(vault.Paths.Staging).Any())
            {
                Directory.Delete(vault.Paths.Staging);
            }
        }
        catch (IOException)
        {
            ErrorReporter.Warning($"could not remove the staging directory \"{staging}\" (it holds only ciphertext); delete it by hand");
        }
    }

    private static FileStream OpenBundle(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw InputSource.OpenFailure("bundle", path, ex);
        }
    }
}
