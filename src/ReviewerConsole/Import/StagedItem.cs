using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>One bundle item fully decrypted and verified, its ciphertext in the staging directory, not yet in the vault.</summary>
internal sealed record StagedItem(
    BundleItem Item,
    string StagedPath,
    long CiphertextSize,
    string CiphertextSha256,
    long PlaintextSize,
    string PlaintextSha256,
    ReportV1? Report,
    MessageV1? Message,
    IReadOnlyList<AttachmentRecord> Attachments);
