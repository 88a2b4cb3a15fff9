using System.Text;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// The bounds of report.json and message.json v1 to v3 beyond what JSON typing enforces. Shared by the writer (a violation
/// is the caller's bug) and the reader (a violation is malformed input).
/// </summary>
internal static class DocumentRules
{
    internal const int MaxLongText = 100_000;
    internal const int MaxShortText = 10_000;
    internal const int MaxNameLength = 1_024;
    internal const int MaxCount = 10_000_000;

    internal static bool IsValid(ReportV1 r) =>
        IsVersion(r.V, r.CaseKey, r.MailboxId, ReportV1.CurrentVersion)
        && (r.V == 1 || r.ReplyRecipient is not null)
        && IsText(r.Description, MaxLongText, required: true)
        && IsDistinct(r.Categories)
        && (r.When is null || r.When.From is null || r.When.To is null || r.When.From <= r.When.To)
        && (r.When is null || r.When.From is not null || r.When.To is null)
        && (r.Where is null || (IsState(r.Where.State) && IsText(r.Where.Place, MaxShortText)))
        && (r.PeopleAffected is null || IsCount(r.PeopleAffected.Count))
        && (r.Harm is null || (IsCount(r.Harm.Injuries) && IsCount(r.Harm.Deaths)))
        && IsText(r.Evidence, MaxShortText)
        && (r.InternalReporting is null || (IsDistinct(r.InternalReporting.Channels) && AreChannelsOf(r.V, r.InternalReporting.Channels) && IsText(r.InternalReporting.Outcome, MaxShortText)))
        && IsText(r.Retaliation, MaxShortText)
        && AreAttachments(r.Attachments, r.V)
        && (r.ReplyRecipient is null || IsPostQuantumRecipient(r.ReplyRecipient))
        && r.Client is not null;

    internal static bool IsValid(MessageV1 m) =>
        IsVersion(m.V, m.CaseKey, m.MailboxId, newest: 3)
        && IsText(m.Text, MaxLongText, required: true)
        && AreAttachments(m.Attachments, m.V)
        && m.Client is not null;

    internal static bool IsValid(ConsentAnswerV1 c) =>
        c.V == 1
        && IsHex32(c.CaseKey)
        && IsHex32(c.MailboxId)
        && Bundles.BundleItem.IsValidId(c.Request)
        && c.Answers is { Count: > 0 }
        && c.Answers.All(a => a is not null && a.Answer is "yes" or "no")
        && Replies.ConsentDestinations.IsCanonicalList([.. c.Answers.Select(a => a.Destination)])
        && c.Client is not null;

    // v1 has neither field; v2 and v3 require both, as 64 lower-case hex digits (32 bytes, canonical).
    private static bool IsVersion(int v, string? caseKey, string? mailboxId, int newest) => v switch
    {
        1 => caseKey is null && mailboxId is null,
        _ when v >= 2 && v <= newest => IsHex32(caseKey) && IsHex32(mailboxId),
        _ => false,
    };

    // The channels report.json v3 added: a v1 or v2 document carrying one was written by no conforming writer.
    private static bool AreChannelsOf(int v, IReadOnlyList<ReportingChannel>? channels) =>
        v >= 3 || channels is null || !channels.Any(c => c is ReportingChannel.Osc or ReportingChannel.Crcl or ReportingChannel.Congress);

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

    // v3 states for every attachment which copy it is; earlier versions never do.
    private static bool AreAttachments(IReadOnlyList<AttachmentInfo>? list, int v) =>
        list is not null
        && list.Count <= ContainerLimits.AttachmentNumberLimit
        && list.All(a => a is not null && a.Size >= 0 && a.Name is not null && a.Name.Length > 0 && IsText(a.Name, MaxNameLength)
            && (v >= 3 ? a.Copy is not null && Enum.IsDefined(a.Copy.Value) : a.Copy is null));

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
