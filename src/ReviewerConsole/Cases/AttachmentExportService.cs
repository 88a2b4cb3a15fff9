using System.Globalization;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Writes a case's attachments to a folder (the one way attachment plaintext leaves the vault): decrypted again from
/// the evidence files, streamed, checked against the SHA-256 recorded at import, written owner-only under temporary
/// names and renamed only once every file of the case checked out. Names are <c>&lt;item&gt;-NNN-&lt;safe name&gt;</c>:
/// no directories, no traversal, nothing overwritten unless asked. The console never opens them.
/// </summary>
internal static class AttachmentExportService
{
    public static IReadOnlyList<ExportedAttachment> Export(VaultSession vault, string caseId, string directory, bool overwrite)
    {
        CaseDetail detail = CaseQueryService.Get(vault, caseId);
        List<ItemRecord> items = [.. detail.Items.Where(i => i.Attachments.Count > 0)];
        if (items.Count == 0)
        {
            throw new CliException($"case {detail.Case.ShortId} has no attachments");
        }

        string target = Path.GetFullPath(directory);
        var plan = items.SelectMany(i => i.Attachments.Select(a => (Item: i, Attachment: a, Path: TargetPath(target, i, a)))).ToList();
        if (!overwrite && plan.FirstOrDefault(p => File.Exists(p.Path) || Directory.Exists(p.Path)) is { Path: not null } clash)
        {
            throw new CliException($"\"{clash.Path}\" already exists", "nothing was written; use --force to replace it, or choose another folder");
        }

        VaultService.CreateDirectory(target);
        using UnlockedKeys keys = KeyService.Unlock(vault);
        var written = new List<(string Temporary, string Final, AttachmentRecord Attachment)>();
        try
        {
            foreach (ItemRecord item in items)
            {
                written.AddRange(Decrypt(vault, keys, item, plan.Where(p => p.Item == item).ToDictionary(p => p.Attachment.Number, p => p.Path)));
            }

            vault.Write(data => AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.FilesExport, caseId, null,
                string.Create(CultureInfo.InvariantCulture, $"{written.Count} attachments exported: {string.Join(", ", written.Select(w => w.Attachment.Sha256[..16]))}")));
            foreach (var (temporary, final, _) in written)
            {
                File.Move(temporary, final, overwrite);
            }

            DirectorySync.Flush(target);
            return [.. written.Select(w => new ExportedAttachment(w.Final, w.Attachment))];
        }
        finally
        {
            foreach (var (temporary, _, _) in written)
            {
                File.Delete(temporary);
            }
        }
    }

    private static List<(string, string, AttachmentRecord)> Decrypt(VaultSession vault, UnlockedKeys keys, ItemRecord item, Dictionary<int, string> paths)
    {
        var files = new List<(string, string, AttachmentRecord)>();
        try
        {
            using FileStream evidence = new(vault.Paths.EvidenceFile(item.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var ciphertext = new HashingReadStream(evidence);
            using (Stream plaintext = AgeEncryption.Decrypt(ciphertext, keys.Identities, leaveOpen: true))
            {
                SubmissionReader.Read(plaintext, (a, data) =>
                {
                    AttachmentRecord record = item.Attachments.Single(r => r.Number == a.Number);
                    string final = paths[a.Number];
                    string temporary = Path.Combine(Path.GetDirectoryName(final)!, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
                    files.Add((temporary, final, record));
                    using FileStream output = DurableFiles.CreateNew(temporary, ownerOnly: true);
                    byte[] sha256 = OverlappedSha256.HashToEnd(data, block => output.Write(block));
                    output.Flush(flushToDisk: true);
                    if (Convert.ToHexStringLower(sha256) != record.Sha256)
                    {
                        throw new ContainerException();
                    }
                });
            }

            if (ciphertext.FinishSha256() != item.CiphertextSha256)
            {
                throw new ContainerException();
            }
        }
        catch (Exception ex)
        {
            files.ForEach(f => File.Delete(f.Item1));
            if (ex is not (AgeException or ContainerException or FileNotFoundException))
            {
                throw;
            }

            throw new CliException($"the evidence file of item {item.Id[..8]} is missing, damaged or not what was imported; nothing was exported",
                ErrorReporter.VaultDamagedHint, ex, ErrorReporter.IntegrityFailure);
        }

        return files;
    }

    private static string TargetPath(string directory, ItemRecord item, AttachmentRecord attachment)
    {
        string name = $"{item.Id[..8]}-{attachment.SafeName}";
        string path = Path.GetFullPath(Path.Combine(directory, name));
        // The container reader already allowed only safe basenames; this is the last line before the file system.
        if (Path.GetFileName(name) != name || name.StartsWith('.') || name.Any(char.IsControl)
            || !string.Equals(Path.GetDirectoryName(path), directory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new CliException($"attachment {attachment.Number} of item {item.Id[..8]} has an unsafe name; nothing was exported");
        }

        return path;
    }
}
