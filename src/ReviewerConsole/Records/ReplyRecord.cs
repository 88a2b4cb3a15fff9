namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// Something for the source in a replies bundle: a reply (<see cref="ReplyKind"/>), a case status
/// (<see cref="StatusKind"/>: <see cref="Status"/>, <see cref="ReferredTo"/>, <see cref="Seq"/>) or a consent request
/// (<see cref="ConsentRequestKind"/>: <see cref="Destinations"/>). <see cref="Text"/> is what reviewers read (the
/// reply's text, or a line the console wrote for a status or request), kept so it shows without a private key; the
/// age ciphertext goes out in a replies bundle. <see cref="Exported"/> is set once a bundle holding it is safely on disk.
/// </summary>
internal sealed record ReplyRecord(
    string Id, string CaseId, string MailboxId, string Time, string Actor, string Text, long Size, string Sha256, string? Exported, string? ExportBundleSha256,
    string Kind = ReplyRecord.ReplyKind, string? Status = null, string? ReferredTo = null, long Seq = 0, IReadOnlyList<string>? Destinations = null)
{
    public const string ReplyKind = "reply";
    public const string StatusKind = "status";
    public const string ConsentRequestKind = "consent-request";
}
