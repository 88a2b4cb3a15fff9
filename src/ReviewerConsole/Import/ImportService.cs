using System.Globalization;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// Imports a submissions bundle (issue 4 "import"): verify the whole bundle before decrypting a byte, copying each new
/// item's ciphertext into a staging directory as it is hashed (the bundle is read once); then decrypt and check every
/// staged item; an item that does not decrypt or is not a valid container is refused (<see cref="RecipientCheck"/>), the
/// others' evidence files are moved into place (fsynced) and one store transaction committed. A bundle that does not
/// verify, or any other failure, leaves the vault exactly as before. Items already in the vault (same id, same
/// ciphertext SHA-256) are skipped, so importing a bundle twice changes nothing; an id in the vault with other contents
/// is refused. Finally the receipt for <c>whistle-portal confirm</c> is written, signed with the team
/// key and naming the audit chain's head; the team key is loaded first, so a vault without one imports nothing.
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
        // First: without the team key no receipt can be signed, and an import without a receipt would be half done.
        using TeamSigningKey teamKey = TeamKeyService.Load(vault);
        using FileStream file = OpenBundle(bundlePath);
        DestroyedItems destroyed = DestroyedItems.Load(vault);
        using var staging = new StagingArea(vault, item => item.Kind is BundleItemKind.Submission or BundleItemKind.Followup && !IsInVault(vault, item.Id)
            && destroyed.Tombstone(item) is null && !destroyed.Clashes(item));
        using BundleReader reader = Verify(bytes is null ? file : new ReadProgressStream(file, (read, length) => bytes(ImportPhase.Checking, read, length)), staging);

        // Hashed in the verification pass: the bytes verified are the bytes the receipt names.
        string bundleSha256 = reader.Sha256;
        BundleManifest manifest = reader.Manifest;
        if (manifest.Kind != BundleKind.Submissions)
        {
            throw new CliException("this is a replies bundle (for 'whistle-portal import-replies'), not a submissions bundle; nothing was imported",
                "import submissions bundles here ('whistle-portal export' makes them); replies bundles go to the portal");
        }

        (HashSet<string> present, HashSet<string> collided) = Known(vault, staging, manifest);
        // Issue 19: a destroyed case's item come back counts as present (so in the receipt) but is never stored.
        var returned = manifest.Items.Where(i => present.Contains(i.Id) && destroyed.Tombstone(i) is not null)
            .Select(i => (Item: i, Tombstone: destroyed.Tombstone(i)!.Value)).ToList();
        collided.UnionWith(manifest.Items.Where(destroyed.Clashes).Select(i => i.Id));
        present.ExceptWith(collided);
        ImportOutcome cases = ImportOutcome.None;
        var recipients = new RecipientCheck(vault.Read(data => data.AllKeys().Count()));
        if (present.Count < manifest.Items.Count)
        {
            cases = ImportNew(vault, staging, manifest, present, collided, bundleSha256, progress, bytes, recipients);
        }
        else
        {
            for (int i = 0; i < manifest.Items.Count; i++)
            {
                progress?.Invoke(new ImportProgress(i + 1, manifest.Items.Count, manifest.Items[i].Size, AlreadyPresent: true));
            }
        }

        DestroyedItems.Audit(vault, returned, bundleSha256);
        string receipt = receiptPath is null ? ReceiptFile.DefaultPath(bundlePath) : Path.GetFullPath(receiptPath);
        try
        {
            // A refused item is not in the vault, so not in the receipt: it stays on the portal.
            var refused = recipients.Refused.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            string auditHead = vault.Read(data => data.AuditHead())?.Hash ?? AuditHash.Genesis;
            var signed = new ImportReceipt { BundleSha256 = bundleSha256, Items = [.. manifest.Items.Select(i => i.Id).Where(id => !refused.Contains(id))], AuditHead = auditHead };
            ReceiptFile.Write(receipt, signed, teamKey);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"the items are in the vault, but the receipt could not be written to \"{receipt}\"",
                "run the same import again (it changes nothing in the vault) with --receipt FILE to write it elsewhere", ex);
        }

        return new ImportResult(bundleSha256, manifest.Items.Count, manifest.Items.Count - present.Count - recipients.Refused.Count, present.Count - returned.Count, cases.Opened,
            cases.NewMessages, receipt, cases) { Refused = recipients.Refused, Destroyed = [.. returned.Select(r => r.Item.Id)] };
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

    // Auditor finding 9: the id is the portal's choice, so an item counts as present (and goes in the receipt, which lets
    // the portal delete it) only if the vault holds the same ciphertext under that id; other contents are refused.
    private static (HashSet<string> Present, HashSet<string> Collided) Known(VaultSession vault, StagingArea staging, BundleManifest manifest)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        var collided = new HashSet<string>(StringComparer.Ordinal);
        foreach (BundleItem item in manifest.Items.Where(i => !staging.TryGetPath(i.Id, out _)))
        {
            bool differs = vault.Read(data => data.FindItem(item.Id)) is { } stored
                && !string.Equals(stored.CiphertextSha256, item.Sha256, StringComparison.OrdinalIgnoreCase);
            (differs ? collided : present).Add(item.Id);
        }

        return (present, collided);
    }

    private static ImportOutcome ImportNew(VaultSession vault, StagingArea staging, BundleManifest manifest,
        HashSet<string> present, HashSet<string> collided, string bundleSha256, Action<ImportProgress>? progress, Action<ImportPhase, long, long>? bytes,
        RecipientCheck recipients)
    {
        using UnlockedKeys keys = KeyService.Unlock(vault);
        var staged = new List<StagedItem>();
        long total = manifest.Items.Where(i => staging.TryGetPath(i.Id, out _)).Sum(i => i.Size);
        long done = 0;
        for (int i = 0; i < manifest.Items.Count; i++)
        {
            BundleItem item = manifest.Items[i];
            bool already = present.Contains(item.Id);
            bool refused = false;
            if (collided.Contains(item.Id))
            {
                recipients.Refuse(item, i + 1, manifest.Items.Count,
                    "an item with its id is already in the vault with other contents (a different SHA-256)");
                refused = true;
            }
            else if (!already && staging.TryGetPath(item.Id, out string path) && !(refused = !recipients.Admit(path, item, i + 1, manifest.Items.Count)))
            {
                long before = done;
                StagedItem? checkedItem = ItemStager.TryStage(path, item, keys, out string? refusal,
                    bytes is null ? null : read => bytes(ImportPhase.Decrypting, before + read, total));
                if (checkedItem is null)
                {
                    // Its staged file stays in staging/ and goes with it: only checked items reach evidence/.
                    recipients.Refuse(item, i + 1, manifest.Items.Count, refusal!);
                    refused = true;
                }
                else
                {
                    staged.Add(checkedItem);
                }

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
