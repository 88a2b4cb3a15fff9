using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// One verified, decrypted bundle item as <see cref="CaseIntake"/> takes it: ids from the manifest, both hashes, the
/// parsed document (a report or a follow-up message) and its attachments' metadata; for a consent answer, the answer and a follow-up message made from it.
/// </summary>
internal sealed record IntakeItem(
    string Id,
    string MailboxId,
    BundleItemKind Kind,
    long CiphertextSize,
    string CiphertextSha256,
    long PlaintextSize,
    string PlaintextSha256,
    ReportV1? Report,
    MessageV1? Message,
    IReadOnlyList<AttachmentRecord> Attachments,
    ConsentAnswerV1? Consent = null);
