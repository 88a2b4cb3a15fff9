namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>
/// One redaction a reviewer marked on a case, shown in the referral packet as "█ redacted N" wherever it applies.
/// <see cref="Kind"/> is <see cref="TextKind"/> (every occurrence of <see cref="Text"/> in the case, see
/// Redaction/TextMatcher), <see cref="SpanKind"/> (characters <see cref="From"/> to <see cref="To"/> of one field of one
/// item; <see cref="Text"/> is what they held) or <see cref="AttachmentKind"/> (attachment <see cref="Attachment"/> of
/// one item, left out of the packet). The text stays in the vault: it is never written to the audit log.
/// </summary>
internal sealed record RedactionMark(
    int Number, string Kind, string Time, string Actor, string? Text, string? ItemId, string? Field, int? From, int? To, int? Attachment)
{
    public const string TextKind = "text";
    public const string SpanKind = "span";
    public const string AttachmentKind = "attachment";
}
