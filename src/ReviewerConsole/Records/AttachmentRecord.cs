namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// An attachment as imported: the source's original name (untrusted, display only), the container's safe entry
/// name (<c>NNN-name</c>), size, SHA-256, and the type found from its first bytes (never from its name).
/// </summary>
internal sealed record AttachmentRecord(int Number, string Name, string SafeName, long Size, string Sha256, string Type, string TypeLabel);
