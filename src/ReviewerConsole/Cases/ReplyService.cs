using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// Replies to sources: the text, signed with the team key as a version 2 reply (<see cref="SignedReply"/>: bound to the
/// case's mailbox id, so the source's browser can tell it from anything the portal could write), age-encrypted to the
/// source's reply recipient and to every vault key (so reviewers can read their own replies later), queued in the store
/// and written out as a replies bundle, its manifest signed too, for <c>whistle-portal import-replies</c>. The vault
/// keeps the text, so reading replies (show, the TUI) never decrypts, and older (version 1) replies read as before.
/// </summary>
internal static class ReplyService
{
    public const int MaxReplyBytes = 64 * 1024;

    public static ReplyRecord Queue(VaultSession vault, string caseId, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CliException("the reply is empty", "write the reply with --text \"…\" or put it in a file and use --file");
        }

        byte[] plaintext;
        try
        {
            plaintext = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text);
        }
        catch (EncoderFallbackException ex)
        {
            throw new CliException("the reply is not valid text", null, ex);
        }

        if (plaintext.Length > MaxReplyBytes || !SignedReply.IsValidText(text))
        {
            throw new CliException($"a reply is plain text of at most {MaxReplyBytes / 1024} KiB", "shorten it, or split it into several replies");
        }

        CryptographicOperations.ZeroMemory(plaintext);

        // Before anything else: a vault without a team key cannot sign, so it is told how to make one.
        using TeamSigningKey teamKey = TeamKeyService.Load(vault);
        CaseRecord c = CaseQueryService.Get(vault, caseId).Case;
        if (c.ReplyRecipient is null)
        {
            throw new CliException($"case {c.ShortId} can't be answered yet: its source's report (which carries the reply key) is not in the vault");
        }

        string id = BundleItem.NewId();
        byte[] signed = new SignedReply { MailboxId = c.MailboxId, Id = id, Day = Today(vault), Text = text }.ToSignedDocument(teamKey);
        return Enqueue(vault, c, id, signed, AuditActions.ReplyQueue, "reply", r => r with { Text = text });
    }

    /// <summary>
    /// Encrypts <paramref name="signed"/> (a signed document for the source, which this wipes) to the case's reply
    /// recipient and every vault key, and queues it with its audit entry in one transaction.
    /// </summary>
    internal static ReplyRecord Enqueue(VaultSession vault, CaseRecord c, string id, byte[] signed, string auditAction, string noun, Func<ReplyRecord, ReplyRecord> shape)
    {
        List<IRecipient> recipients = [AgeKeys.ParseRecipient(c.ReplyRecipient!), .. KeyService.List(vault).Select(k => AgeKeys.ParseRecipient(k.Recipient))];
        byte[] ciphertext = AgeEncryption.Encrypt(signed, recipients);
        CryptographicOperations.ZeroMemory(signed);
        ReplyRecord reply = shape(new ReplyRecord(id, c.Id, c.MailboxId, vault.Now(), vault.Actor, string.Empty, ciphertext.Length,
            Convert.ToHexStringLower(SHA256.HashData(ciphertext)), null, null));
        vault.Write(data =>
        {
            CaseRecord current = data.FindCase(c.Id)!;
            data.InsertReply(reply, ciphertext);
            data.UpdateCase(current with { Updated = reply.Time });
            AuditLog.Append(data, vault.Actor, vault.Now(), auditAction, c.Id, null, string.Create(CultureInfo.InvariantCulture,
                $"{noun} {reply.Id[..8]} queued: {reply.Size} bytes of ciphertext, SHA-256 {reply.Sha256}, to source key {RecipientFingerprint.Compute(c.ReplyRecipient!)}"));
        });
        return reply;
    }

    public static IReadOnlyList<ReplyRecord> Queued(VaultSession vault) => vault.Read(data =>
        data.QueuedReplies().OrderBy(r => r.Time, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).ToList());

    /// <summary>
    /// Writes every queued reply into a new replies bundle at <paramref name="path"/> (temporary file, fsync,
    /// rename) and only then marks them exported. Returns null, writing nothing, when no reply is queued.
    /// </summary>
    public static ReplyExport? Export(VaultSession vault, string path)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full) || Directory.Exists(full))
        {
            throw new CliException($"\"{full}\" already exists", "nothing was written; choose a new file name");
        }

        IReadOnlyList<ReplyRecord> queued = Queued(vault);
        if (queued.Count == 0)
        {
            return null;
        }

        // Loaded before anything is written: without the team key there is no signed manifest, so no bundle at all.
        using TeamSigningKey teamKey = TeamKeyService.Load(vault);
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(vault.Clock.GetUtcNow().UtcDateTime), teamKey);
        foreach (ReplyRecord r in queued)
        {
            writer.Add(r.Id, r.MailboxId, ItemKind(r), r.Size, () => new MemoryStream(Ciphertext(vault, r.Id), writable: false), r.Sha256);
        }

        string directory = Path.GetDirectoryName(full)!;
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        string sha256;
        try
        {
            using (FileStream file = DurableFiles.CreateNew(temporary, ownerOnly: false))
            {
                writer.WriteTo(file);
                file.Flush(flushToDisk: true);
                file.Position = 0;
                sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            }

            File.Move(temporary, full, overwrite: false);
            DirectorySync.Flush(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"can't write \"{full}\": {ex.Message}", "nothing was marked as exported", ex);
        }
        finally
        {
            File.Delete(temporary);
        }

        // Marked only now that the bundle is durable: a crash before this exports them again next time, and the portal's
        // import-replies skips replies it already has.
        string now = vault.Now();
        vault.Write(data =>
        {
            foreach (ReplyRecord r in queued)
            {
                data.MarkReplyExported(r.Id, now, sha256);
            }

            AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.RepliesExport, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{queued.Count} replies in bundle SHA-256 {sha256}: {string.Join(", ", queued.Select(r => r.Id[..8]))}"));
        });
        return new ReplyExport(full, sha256, queued);
    }

    private static BundleItemKind ItemKind(ReplyRecord r) => r.Kind switch
    {
        ReplyRecord.StatusKind => BundleItemKind.Status,
        ReplyRecord.ConsentRequestKind => BundleItemKind.ConsentRequest,
        _ => BundleItemKind.Reply,
    };

    internal static string Today(VaultSession vault) =>
        DateOnly.FromDateTime(vault.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Ciphertext(VaultSession vault, string id) =>
        vault.Read(data => data.ReplyCiphertext(id));
}
