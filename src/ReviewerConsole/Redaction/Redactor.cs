using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Redaction;

/// <summary>
/// Applies a case's redaction marks to any text that goes into the referral packet. Strings removed everywhere (the
/// "global" strings): every --text mark; the text of every span of at least <see cref="MinGlobalSpan"/> characters
/// (shorter ones would match ordinary words and numbers); and for each redacted attachment its names and its SHA-256
/// (whole and the 16-digit prefix the audit log uses); and the plaintext SHA-256 of every item a mark touches. Each
/// text is then checked: if any global string were still in a kept piece, the export fails rather than write it.
/// </summary>
internal sealed class Redactor
{
    public const int MinGlobalSpan = 4;

    private readonly RedactionSet? set;
    private readonly List<(string Value, int Mark)> global = [];
    private readonly Dictionary<(string Item, int Number), int> attachments = [];
    private readonly Dictionary<string, List<int>> touched = new(StringComparer.Ordinal);

    private Redactor(RedactionSet? set) => this.set = set;

    /// <summary>Whether the case has any mark (without, every text comes back whole).</summary>
    public bool Active => set is { IsEmpty: false };

    public RedactionSet? Set => set;

    public static Redactor For(CaseDetail d, RedactionSet? set)
    {
        var r = new Redactor(set);
        if (set is null)
        {
            return r;
        }

        foreach (RedactionMark m in set.Marks)
        {
            if (m.Kind == RedactionMark.TextKind || (m.Kind == RedactionMark.SpanKind && m.Text!.EnumerateRunes().Count() >= MinGlobalSpan))
            {
                r.global.Add((m.Text!, m.Number));
            }

            if (m.Kind != RedactionMark.TextKind)
            {
                r.Touch(m.ItemId!, m.Number);
            }

            if (m.Kind == RedactionMark.AttachmentKind && d.Items.FirstOrDefault(i => i.Id == m.ItemId) is { } item
                && item.Attachments.FirstOrDefault(a => a.Number == m.Attachment) is { } a)
            {
                r.attachments[(item.Id, a.Number)] = m.Number;
                r.global.AddRange([(a.SafeName, m.Number), (a.Sha256, m.Number), (a.Sha256[..16], m.Number)]);
                if (a.Name.EnumerateRunes().Count() >= MinGlobalSpan)
                {
                    r.global.Add((a.Name, m.Number));
                }
            }
        }

        // An item is touched when any global string occurs in its texts or attachment names.
        foreach (ItemRecord item in d.Items)
        {
            IEnumerable<string> texts = RedactableFields.Of([item]).Select(t => t.Text).Concat(item.Attachments.Select(a => a.Name));
            foreach ((string value, int mark) in r.global.Where(g => texts.Any(t => TextMatcher.Contains(t, g.Value))).ToList())
            {
                r.Touch(item.Id, mark);
            }
        }

        foreach (ItemRecord item in d.Items.Where(i => r.touched.ContainsKey(i.Id)))
        {
            r.global.Add((item.PlaintextSha256, r.touched[item.Id].Min()));
        }

        return r;
    }

    /// <summary>The mark number that withholds this attachment, or null when it is listed.</summary>
    public int? AttachmentMark(string itemId, int number) => attachments.TryGetValue((itemId, number), out int mark) ? mark : null;

    /// <summary>The marks that reach this item (its plaintext hash is then withheld: it would confirm a guess).</summary>
    public IReadOnlyList<int> MarksOn(string itemId) => touched.TryGetValue(itemId, out List<int>? marks) ? [.. marks.Distinct().Order()] : [];

    /// <summary>
    /// The salted hash of an original: SHA-256(salt ‖ SHA-256(original)), both raw 32 bytes. Without the case's salt
    /// (kept in the vault) nobody can check a guess of the redacted content against it.
    /// </summary>
    public string Salted(string sha256Hex) =>
        Convert.ToHexStringLower(SHA256.HashData([.. set!.Salt, .. Convert.FromHexString(sha256Hex)]));

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The text with every mark that applies replaced: global strings anywhere, and the spans marked on this item's
    /// <paramref name="field"/> when given.
    /// </summary>
    public IReadOnlyList<RedactedSegment> Apply(string text, string? itemId = null, string? field = null)
    {
        if (!Active || text.Length == 0)
        {
            return [new RedactedSegment(text, null)];
        }

        var cover = new List<int>?[text.Length];
        void Cover(Range range, int mark)
        {
            (int start, int length) = range.GetOffsetAndLength(text.Length);
            for (int i = start; i < start + length; i++)
            {
                (cover[i] ??= []).Add(mark);
            }
        }

        if (itemId is not null && field is not null)
        {
            foreach (RedactionMark m in set!.Marks.Where(m => m.Kind == RedactionMark.SpanKind && m.ItemId == itemId && m.Field == field))
            {
                Cover(CodePoints(text, m.From!.Value, m.To!.Value), m.Number);
            }
        }

        foreach ((string value, int mark) in global)
        {
            foreach (Range range in TextMatcher.FindAll(text, value))
            {
                Cover(range, mark);
            }
        }

        var segments = new List<RedactedSegment>();
        int at = 0;
        while (at < text.Length)
        {
            int end = at;
            bool marked = cover[at] is not null;
            while (end < text.Length && (cover[end] is not null) == marked)
            {
                end++;
            }

            segments.Add(marked
                ? new RedactedSegment(string.Empty, [.. cover[at..end].SelectMany(c => c!).Distinct().Order()])
                : new RedactedSegment(text[at..end], null));
            at = end;
        }

        Check(segments);
        return segments;
    }

    /// <summary>The UTF-16 range of code points <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static Range CodePoints(string text, int from, int to)
    {
        int index = 0, count = 0, start = -1;
        foreach (Rune r in text.EnumerateRunes())
        {
            if (count == from)
            {
                start = index;
            }

            if (count == to)
            {
                break;
            }

            index += r.Utf16SequenceLength;
            count++;
        }

        if (start < 0 || count != to)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The span lies outside the text.");
        }

        return new Range(start, index);
    }

    // Belt and braces: the kept pieces must hold no global string (folding is per character, so this cannot fire
    // unless the matching above is wrong; then nothing is written).
    private void Check(List<RedactedSegment> segments)
    {
        foreach (RedactedSegment s in segments.Where(s => !s.IsMark))
        {
            if (global.Any(g => TextMatcher.Contains(s.Text, g.Value)))
            {
                throw new InvalidOperationException("A redacted string survived redaction; nothing was exported.");
            }
        }
    }

    private void Touch(string itemId, int mark)
    {
        if (!touched.TryGetValue(itemId, out List<int>? marks))
        {
            touched[itemId] = marks = [];
        }

        marks.Add(mark);
    }
}
