using System.Globalization;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// Imports a submissions bundle (issue 4 "import"): verify the whole bundle before decrypting a byte, copying each new
/// item's ciphertext into a staging directory as it is hashed (the bundle is read once); then decrypt and check every
/// staged item; only when all succeeded are the evidence files moved into place (fsynced) and one store transaction
/// committed. On any failure the vault is exactly as before. Items already in the vault are skipped, so importing a
/// bundle twice changes nothing. Finally the receipt for <c>whistle-portal confirm</c> is written.
/// </summary>
internal static class ImportService
{
    /// <param name="vault">The open vault.</param>
    /// <param name="bundlePath">The submissions bundle.</param>
    /// <param name="receiptPath">Where the receipt goes; next to the bundle if null.</param>
    /// <param name="progress">Told of each item once it is decrypted and checked (or found in the vault already).</param>
    /// <param name="bytes">Told of each pass's bytes done so far and its total (see <see cref="ImportPhase"/>).</param>
    public static ImportResult Import(VaultSession vault, string bundlePath, string? receiptPath, Action<ImportProgress>? progress = null,
        Action<ImportPhase, long, long>? bytes = null)
    {
        using FileStream file = OpenBundle(bundlePath);
        using var staging = new StagingArea(vault, item => item.Kind != BundleItemKind.Reply && !IsInVault(vault, item.Id));
        using BundleReader reader = Verify(bytes is null ? file : new ReadProgressStream(file, (read, length) => bytes(ImportPhase.Checking, read, length)), staging);

        // Hashed in the verification pass: the bytes verified are the bytes the receipt names.
        string bundleSha256 = reader.Sha256;
        BundleManifest manifest = reader.Manifest;
        if (manifest.Kind != BundleKind.Submissions)
        {
            throw new CliException("this is a replies bundle (for 'whistle-portal import-replies'), not a submissions bundle; nothing was imported",
                "import submissions bundles here ('whistle-portal export' makes them); replies bundles go to the portal");
        }

        var present = manifest.Items.Where(i => !staging.TryGetPath(i.Id, out _)).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        ImportOutcome cases = ImportOutcome.None;
        var recipients = new RecipientCheck(vault.Read(data => data.AllKeys().Count()));
        if (present.Count < manifest.Items.Count)
        {
            cases = ImportNew(vault, staging, manifest, present, bundleSha256, progress, bytes, recipients);
        }
        else
        {
            for (int i = 0; i < manifest.Items.Count; i++)
            {
                progress?.Invoke(new ImportProgress(i + 1, manifest.Items.Count, manifest.Items[i].Size, AlreadyPresent: true));
            }
        }

        string receipt = receiptPath is null ? ReceiptFile.DefaultPath(bundlePath) : Path.GetFullPath(receiptPath);
        try
        {
            // A refused item is not in the vault, so not in the receipt: it stays on the portal.
            var refused = recipients.Refused.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            ReceiptFile.Write(receipt, new ImportReceipt { BundleSha256 = bundleSha256, Items = [.. manifest.Items.Select(i => i.Id).Where(id => !refused.Contains(id))] });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"the items are in the vault, but the receipt could not be written to \"{receipt}\"",
                "run the same import again (it changes nothing in the vault) with --receipt FILE to write it elsewhere", ex);
        }

        return new ImportResult(bundleSha256, manifest.Items.Count, manifest.Items.Count - present.Count - recipients.Refused.Count, present.Count, cases.Opened,
            cases.NewMessages, receipt, cases) { Refused = recipients.Refused };
    }

    private static BundleReader Verify(Stream file, StagingArea staging)
    {
        try
        {
            BundleReader reader = BundleReader.Open(file, BundleLimits.Default, leaveOpen: true, staging.CopyFor);
            staging.Complete();
            return reader;
        }
        catch (BundleException ex)
        {
            throw Invalid(ex);
        }
    }

    // Says what is wrong as far as the reader knows it, and the remedy that fits: a cut-short file is copied again.
    private static CliException Invalid(BundleException ex) => ex switch
    {
        { ExpectedLength: long expected, ActualLength: long actual } => new CliException(
            string.Create(CultureInfo.InvariantCulture, $"the bundle is truncated: {actual:N0} of {expected:N0} bytes; nothing was imported"),
            "it was cut short in a copy or download: copy it again, or download it again from the portal's transfer page", ex),
        { ItemId: string id } => new CliException(
            $"the bundle's entry for item {id[..8]} is not what its manifest says (name, type, size or SHA-256): it is damaged or was modified; nothing was imported",
            "copy or download the bundle again; do not try to open this file another way", ex),
        _ => new CliException(
            "the bundle is not valid: it is damaged, was modified, or holds something a bundle may not; nothing was imported",
            "copy or download the bundle again; do not try to open this file another way", ex),
    };

    private static bool IsInVault(VaultSession vault, string id) =>
        vault.Read(data => data.ItemExists(id));

    private static ImportOutcome ImportNew(VaultSession vault, StagingArea staging, BundleManifest manifest,
        HashSet<string> present, string bundleSha256, Action<ImportProgress>? progress, Action<ImportPhase, long, long>? bytes,
        RecipientCheck recipients)
    {
        using UnlockedKeys keys = KeyService.Unlock(vault);
        var staged = new List<StagedItem>();
        long total = manifest.Items.Where(i => !present.Contains(i.Id)).Sum(i => i.Size);
        long done = 0;
        for (int i = 0; i < manifest.Items.Count; i++)
        {
            BundleItem item = manifest.Items[i];
            bool already = present.Contains(item.Id);
            bool refused = false;
            if (!already && staging.TryGetPath(item.Id, out string path) && !(refused = !recipients.Admit(path, item, i + 1, manifest.Items.Count)))
            {
                long before = done;
                staged.Add(ItemStager.Stage(path, item, i + 1, manifest.Items.Count, keys,
                    bytes is null ? null : read => bytes(ImportPhase.Decrypting, before + read, total)));
                done += item.Size;
            }

            progress?.Invoke(new ImportProgress(i + 1, manifest.Items.Count, item.Size, already, refused));
        }

        return Commit(vault, staged, bundleSha256, manifest.Created, present.Count, recipients);
    }

    private static ImportOutcome Commit(VaultSession vault, List<StagedItem> staged, string bundleSha256, DateOnly created, int present,
        RecipientCheck recipients)
    {
        var placed = new List<string>();
        try
        {
            foreach (StagedItem s in staged)
            {
                string evidence = vault.Paths.EvidenceFile(s.Intake.Id);
                // A file left by an import that crashed before its commit holds the same verified ciphertext: replace it.
                bool existed = File.Exists(evidence);
                File.Move(s.StagedPath, evidence, overwrite: true);
                if (!existed)
                {
                    placed.Add(evidence);
                }
            }

            DirectorySync.Flush(vault.Paths.Evidence);
            return vault.Write(data =>
            {
                var result = ImportTransaction.Apply(data, vault, staged, bundleSha256, created, present);
                recipients.Record(data, vault, staged.Select(s => s.Intake.Id));
                return result;
            });
        }
        catch
        {
            placed.ForEach(File.Delete);
            DirectorySync.Flush(vault.Paths.Evidence);
            throw;
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
