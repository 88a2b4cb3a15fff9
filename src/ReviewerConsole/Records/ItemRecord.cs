namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// One imported submission or follow-up. The original ciphertext is evidence/&lt;Id&gt;.age; the store keeps the
/// decrypted document (report.json / message.json, re-serialised), attachment metadata and both hashes, plus the
/// search text and duplicate flags (<see cref="Duplicates"/>: identical plaintext; <see cref="NearDuplicates"/>:
/// description similarity, see Cases/Similarity). <see cref="MailboxId"/> is the manifest's (where the portal filed it).
/// </summary>
internal sealed record ItemRecord(
    string Id,
    string CaseId,
    string MailboxId,
    string Kind,
    long Sequence,
    string BundleSha256,
    string BundleCreated,
    string Imported,
    string ImportedBy,
    long CiphertextSize,
    string CiphertextSha256,
    long PlaintextSize,
    string PlaintextSha256,
    string Document,
    string Text,
    IReadOnlyList<string> Categories,
    IReadOnlyList<AttachmentRecord> Attachments,
    IReadOnlyList<string> Duplicates,
    IReadOnlyList<string> NearDuplicates,
    IReadOnlyList<ItemFlag>? Flags = null)
{
    /// <summary>What import noticed about its case proof (<see cref="ItemFlag"/>); items stored before v2 are v1.</summary>
    public IReadOnlyList<ItemFlag> ProofFlags => Flags ?? [new ItemFlag(ItemFlag.V1Unproven, null)];

    public const string SubmissionKind = "submission";
    public const string FollowupKind = "followup";

    public bool IsSubmission => Kind == SubmissionKind;
}
