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
/// the evidence files, streamed, checked against the SHA-256 recorded at import, written owner-only under random
/// hidden names (<see cref="UnfinishedFiles"/>), renamed only once every file of the case checked out, and kept only
/// once the audit log recorded exactly what was written; a failure or a signal before that removes them all.
/// Names are <c>&lt;full item id&gt;-NNN-&lt;safe name&gt;</c>, unique by construction, with the extension kept only
/// when the bytes agree (<see cref="FileTypeSniffer.ExportName"/>): no directories, no traversal, nothing
/// overwritten unless asked. The console never opens them.
/// </summary>
internal static class AttachmentExportService
{
    private const string Kind = "export";

    public static AttachmentExport Export(VaultSession vault, string caseId, string directory, bool overwrite)
    {
        CaseDetail detail = CaseQueryService.Get(vault, caseId);
        List<ItemRecord> items = [.. detail.Items.Where(i => i.Attachments.Count > 0)];
        if (items.Count == 0)
        {
            throw new CliException($"case {detail.Case.ShortId} has no attachments");
        }

        string target = Path.GetFullPath(directory);
        var plan = items.SelectMany(i => i.Attachments.Select(a => (Item: i, Attachment: a, Path: TargetPath(target, i, a)))).ToList();
        // Unique by construction (item ids are unique, NNN is unique in an item); checked anyway, case-insensitively
        // for file systems that fold case, so --force can never let one attachment replace another.
        if (plan.GroupBy(p => p.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } same)
        {
            throw new CliException($"two attachments of case {detail.Case.ShortId} would both be named \"{Path.GetFileName(same.Key)}\"; nothing was written");
        }

        int leftovers = UnfinishedFiles.RemoveLeftovers(target, Kind);
        if (!overwrite && plan.FirstOrDefault(p => File.Exists(p.Path) || Directory.Exists(p.Path)) is { Path: not null } clash)
        {
            throw new CliException($"\"{clash.Path}\" already exists", "nothing was written; use --force to replace it, or choose another folder");
        }

        VaultService.CreateDirectory(target);
        using UnlockedKeys keys = KeyService.Unlock(vault);
        using var files = new UnfinishedFiles(Kind);
        var written = new List<(string Temporary, string Final, AttachmentRecord Attachment)>();
        foreach (ItemRecord item in items)
        {
            written.AddRange(Decrypt(vault, keys, item, plan.Where(p => p.Item == item).ToDictionary(p => p.Attachment.Number, p => p.Path), files));
        }

        foreach (var (temporary, final, _) in written)
        {
            files.Rename(temporary, final, overwrite);
        }

        DirectorySync.Flush(target);
        // After the renames, so the log never claims an export that did not happen; if it cannot be written, the
        // files go again (UnfinishedFiles.Dispose), so no export is ever unrecorded.
        files.Commit(() => vault.Write(data => AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.FilesExport, caseId, null,
            string.Create(CultureInfo.InvariantCulture,
                $"{written.Count} attachments exported to {target}: {string.Join(", ", written.Select(w => $"{Path.GetFileName(w.Final)} (SHA-256 {w.Attachment.Sha256[..16]})"))}"))));
        return new AttachmentExport([.. written.Select(w => new ExportedAttachment(w.Final, w.Attachment))], leftovers);
    }

    private static List<(string, string, AttachmentRecord)> Decrypt(
        VaultSession vault, UnlockedKeys keys, ItemRecord item, Dictionary<int, string> paths, UnfinishedFiles unfinished)
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
                    (string temporary, FileStream created) = unfinished.Create(Path.GetDirectoryName(final)!, path => DurableFiles.CreateNew(path, ownerOnly: true));
                    files.Add((temporary, final, record));
                    using FileStream output = created;
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
        catch (Exception ex) when (ex is AgeException or ContainerException or FileNotFoundException)
        {
            // The caller's UnfinishedFiles removes what was written.
            throw new CliException($"the evidence file of item {item.Id[..8]} is missing, damaged or not what was imported; nothing was exported",
                ErrorReporter.VaultDamagedHint, ex, ErrorReporter.IntegrityFailure);
        }

        return files;
    }

    private static string TargetPath(string directory, ItemRecord item, AttachmentRecord attachment)
    {
        string name = $"{item.Id}-{FileTypeSniffer.ExportName(attachment.SafeName, attachment.Type)}";
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
