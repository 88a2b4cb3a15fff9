using System.Text;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Redaction;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Referral;

/// <summary>
/// The packet's text helpers, which redact before they encode (so no redacted string can reach the page in any form
/// the page writes: raw, as entities, in an attribute or a title), and the "Redactions" section: every mark, and for
/// every text and withheld file the SHA-256 as shown and the salted SHA-256 of the original.
/// </summary>
internal static partial class ReferralPacket
{
    private static string Block(Redactor r, string text, string? itemId = null, string? field = null) =>
        Render(r.Apply(text, itemId, field), Html.Block);

    // One line, cut at maxLength only when nothing in it is redacted (a cut made before redaction could leave part of
    // a redacted string; one made after could cut a mark).
    private static string Line(Redactor r, string text, int maxLength = 2000)
    {
        IReadOnlyList<RedactedSegment> segments = r.Apply(text);
        return segments is [{ IsMark: false }] ? Html.Line(text, maxLength) : Render(segments, s => Html.Encode(TerminalText.Block(s).Replace('\n', ' ')));
    }

    private static string Render(IReadOnlyList<RedactedSegment> segments, Func<string, string> plain) =>
        string.Concat(segments.Select(s => s.IsMark ? MarkHtml(s.Marks!) : plain(s.Text)));

    private static string MarkHtml(IReadOnlyList<int> marks) => "<span class=\"redacted\">" + Html.Encode(RedactedSegment.Label(marks)) + "</span>";

    private static void Redactions(StringBuilder o, CaseDetail d, Redactor r)
    {
        if (!r.Active)
        {
            return;
        }

        o.Append("<h2>Redactions</h2>\n<p class=\"meta\">The reviewers left out what each mark stands for, in every text of this packet "
            + "(names, history and hashes included). For each text, the SHA-256 of the text as shown here (UTF-8, each mark written as "
            + "its label, before invisible characters are shown as �) and the salted SHA-256 of the original: SHA-256(salt ‖ SHA-256(original)), "
            + "both as 32 raw bytes, where the salt is 32 random bytes kept in the reviewers’ vault. Without the salt nobody can test a guess "
            + "of what was left out; with the original and the salt, which the reviewers can disclose, anyone can check it. Withheld files "
            + "and the decrypted containers of items with redactions are given the same way.</p>\n<table>\n"
            + "<thead><tr><th>Mark</th><th>What</th><th>Marked</th></tr></thead>\n<tbody>\n");
        foreach (RedactionMark m in r.Set!.Marks)
        {
            string what = m.Kind switch
            {
                RedactionMark.TextKind => "a text, wherever it occurs (case, accents and width ignored)",
                RedactionMark.SpanKind => $"part of the {m.Field} of item {m.ItemId![..8]}" + (m.Text!.EnumerateRunes().Count() >= Redactor.MinGlobalSpan ? ", and the same text elsewhere" : string.Empty),
                _ => $"attachment {m.Attachment} of item {m.ItemId![..8]}, withheld",
            };
            o.Append("<tr><td>").Append(MarkHtml([m.Number])).Append("</td><td>").Append(Html.Encode(what)).Append("</td><td class=\"user\">")
                .Append(Line(r, m.Time)).Append(", ").Append(Line(r, m.Actor, 64)).Append("</td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n<table>\n<thead><tr><th>Text or file</th><th>Marks</th><th>SHA-256 as shown</th><th>Salted SHA-256 of the original</th></tr></thead>\n<tbody>\n");
        foreach (RedactableText t in RedactableFields.Of(d.Items))
        {
            HashRow(o, r, $"{t.Field} of item {t.Item.Id[..8]}", t.Text, r.Apply(t.Text, t.Item.Id, t.Field));
        }

        foreach (ReplyRecord reply in d.Replies)
        {
            HashRow(o, r, $"reply {reply.Id[..8]}", reply.Text, r.Apply(reply.Text), onlyIfMarked: true);
        }

        foreach (NoteRecord note in d.Notes)
        {
            HashRow(o, r, $"note {note.Id[..8]}", note.Text, r.Apply(note.Text), onlyIfMarked: true);
        }

        foreach (ItemRecord i in d.Items)
        {
            foreach (AttachmentRecord a in i.Attachments.Where(a => r.AttachmentMark(i.Id, a.Number) is not null))
            {
                FileRow(o, r, $"attachment {a.Number} of item {i.Id[..8]} (withheld)", [r.AttachmentMark(i.Id, a.Number)!.Value], a.Sha256);
            }

            if (r.MarksOn(i.Id) is { Count: > 0 } marks)
            {
                FileRow(o, r, $"decrypted container of item {i.Id[..8]}", marks, i.PlaintextSha256);
            }
        }

        o.Append("</tbody>\n</table>\n");
    }

    private static void HashRow(StringBuilder o, Redactor r, string what, string original, IReadOnlyList<RedactedSegment> segments, bool onlyIfMarked = false)
    {
        int[] marks = [.. segments.Where(s => s.IsMark).SelectMany(s => s.Marks!).Distinct().Order()];
        if (onlyIfMarked && marks.Length == 0)
        {
            return;
        }

        o.Append("<tr><td>").Append(Html.Encode(what)).Append("</td><td>").Append(marks.Length == 0 ? "none" : MarkHtml(marks))
            .Append("</td><td class=\"hash\">").Append(Redactor.Sha256(RedactedSegment.Join(segments))).Append("</td><td class=\"hash\">")
            .Append(r.Salted(Redactor.Sha256(original))).Append("</td></tr>\n");
    }

    private static void FileRow(StringBuilder o, Redactor r, string what, IReadOnlyList<int> marks, string sha256) =>
        o.Append("<tr><td>").Append(Html.Encode(what)).Append("</td><td>").Append(MarkHtml(marks)).Append("</td><td>not included</td><td class=\"hash\">")
            .Append(r.Salted(sha256)).Append("</td></tr>\n");
}
