using System.Text;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// The bounds of report.json / message.json v1 and v2 beyond what JSON typing enforces. Shared by the writer (a violation
/// is the caller's bug) and the reader (a violation is malformed input).
/// </summary>
internal static class DocumentRules
{
    internal const int MaxLongText = 100_000;
    internal const int MaxShortText = 10_000;
    internal const int MaxNameLength = 1_024;
    internal const int MaxCount = 10_000_000;

    internal static bool IsValid(ReportV1 r) =>
        IsVersion(r.V, r.CaseKey, r.MailboxId)
        && (r.V == 1 || r.ReplyRecipient is not null)
        && IsText(r.Description, MaxLongText, required: true)
        && IsDistinct(r.Categories)
        && (r.When is null || r.When.From is null || r.When.To is null || r.When.From <= r.When.To)
        && (r.When is null || r.When.From is not null || r.When.To is null)
        && (r.Where is null || (IsState(r.Where.State) && IsText(r.Where.Place, MaxShortText)))
        && (r.PeopleAffected is null || IsCount(r.PeopleAffected.Count))
        && (r.Harm is null || (IsCount(r.Harm.Injuries) && IsCount(r.Harm.Deaths)))
        && IsText(r.Evidence, MaxShortText)
        && (r.InternalReporting is null || (IsDistinct(r.InternalReporting.Channels) && IsText(r.InternalReporting.Outcome, MaxShortText)))
        && IsText(r.Retaliation, MaxShortText)
        && AreAttachments(r.Attachments)
        && (r.ReplyRecipient is null || IsPostQuantumRecipient(r.ReplyRecipient))
        && r.Client is not null;

    internal static bool IsValid(MessageV1 m) =>
        IsVersion(m.V, m.CaseKey, m.MailboxId)
        && IsText(m.Text, MaxLongText, required: true)
        && AreAttachments(m.Attachments)
        && m.Client is not null;

    internal static bool IsValid(ConsentAnswerV1 c) =>
        c.V == 1
        && IsHex32(c.CaseKey)
        && IsHex32(c.MailboxId)
        && c.Request is { Length: 32 } && c.Request.All(ch => char.IsAsciiDigit(ch) || ch is >= 'a' and <= 'f')
        && c.Answers is { Count: > 0 }
        && c.Answers.All(a => a is not null && a.Answer is "yes" or "no")
        && Replies.ConsentDestinations.IsCanonicalList([.. c.Answers.Select(a => a.Destination)])
        && c.Client is not null;

    // v1 has neither field; v2 requires both, as 64 lower-case hex digits (32 bytes, canonical).
    private static bool IsVersion(int v, string? caseKey, string? mailboxId) => v switch
    {
        1 => caseKey is null && mailboxId is null,
        2 => IsHex32(caseKey) && IsHex32(mailboxId),
        _ => false,
    };

    private static bool IsHex32(string? s) => s is { Length: 64 } && s.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private static bool IsText(string? s, int maxLength, bool required = false)
    {
        if (s is null)
        {
            return !required;
        }

        // Lone surrogates cannot be encoded as UTF-8 and would corrupt exports; whitespace-only is not a description.
        return s.Length <= maxLength
            && (!required || !string.IsNullOrWhiteSpace(s))
            && IsWellFormedUtf16(s);
    }

    private static bool IsWellFormedUtf16(string s)
    {
        try
        {
            _ = StrictUtf8.GetByteCount(s);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static bool IsDistinct<T>(IReadOnlyList<T>? items) => items is null || items.Distinct().Count() == items.Count;

    private static bool IsCount(int? n) => n is null or (>= 0 and <= MaxCount);

    private static bool IsState(string? s) => s is null || (s.Length == 2 && char.IsAsciiLetterUpper(s[0]) && char.IsAsciiLetterUpper(s[1]));

    private static bool AreAttachments(IReadOnlyList<AttachmentInfo>? list) =>
        list is not null
        && list.Count <= ContainerLimits.AttachmentNumberLimit
        && list.All(a => a is not null && a.Size >= 0 && a.Name is not null && a.Name.Length > 0 && IsText(a.Name, MaxNameLength));

    private static bool IsPostQuantumRecipient(string s)
    {
        try
        {
            _ = MlKem768X25519Recipient.Parse(s);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
