namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// A reply to the source: its text (kept in the vault so it shows without a private key), and the age ciphertext
/// that goes out in a replies bundle. <see cref="Exported"/> is set once a bundle holding it is safely on disk.
/// </summary>
internal sealed record ReplyRecord(
    string Id, string CaseId, string MailboxId, string Time, string Actor, string Text, long Size, string Sha256, string? Exported, string? ExportBundleSha256);
