using System.Globalization;
using System.Text;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Redaction;

namespace WhistleSubmit.ReviewerConsole.Referral;

/// <summary>
/// The referral packet (case-export): one self-contained HTML page for prosecutors or an oversight body. It holds the
/// triage record, the conversation (report, follow-ups, replies), notes, attachment list, the history, and the
/// SHA-256 of every original ciphertext item and of its plaintext, so a recipient holding the evidence files can check
/// them. Every piece of data goes through <see cref="Html"/> after the case's redaction marks (<see cref="Redactor"/>):
/// what a mark covers is replaced, in every text, before anything is encoded (ReferralPacket.Redactions.cs). The page
/// has no script, link, image or external resource.
/// </summary>
internal static partial class ReferralPacket
{
    public static string Render(CaseDetail d, string exportedAt, string exportedBy) => Render(d, Redactor.For(d, null), exportedAt, exportedBy);

    public static string Render(CaseDetail d, Redactor r, string exportedAt, string exportedBy)
    {
        CaseRecord c = d.Case;
        var o = new StringBuilder();
        o.Append("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n");
        o.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src ").Append(ReferralStyle.Hash)
            .Append("; base-uri 'none'; form-action 'none'\">\n");
        o.Append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        o.Append("<title>Referral packet: case ").Append(c.ShortId).Append("</title>\n");
        o.Append("<style>").Append(ReferralStyle.Css).Append("</style>\n</head>\n<body>\n");

        o.Append("<header>\n<h1>Referral packet: case ").Append(c.ShortId).Append("</h1>\n");
        o.Append("<p class=\"meta\">Exported ").Append(Line(r, exportedAt)).Append(" (UTC) by ").Append(Line(r, exportedBy, 64))
            .Append(" from the WhistleSubmit reviewer console. Case id <code>").Append(c.Id).Append("</code>.</p>\n");
        o.Append("<p class=\"notice\">Confidential. Everything under “Report” and “Follow-up” is the source’s own words, "
            + "unverified. Invisible control and formatting characters in any text are shown as �; the exact text is in the "
            + "original encrypted items, whose SHA-256 hashes are listed below. Attachments are listed, not included.")
            .Append(r.Active ? " The reviewers redacted this packet: each <span class=\"redacted\">█ redacted N</span> stands for text or a "
                + "file left out, whatever its length (see “Redactions”)." : string.Empty)
            .Append("</p>\n</header>\n");

        TriageRecord(o, d, r);
        foreach (ItemRecord item in d.Items)
        {
            Item(o, r, item);
        }

        Replies(o, r, d.Replies);
        Notes(o, r, d.Notes);
        History(o, r, d.History);
        Evidence(o, r, d.Items);
        Redactions(o, d, r);
        o.Append("</body>\n</html>\n");
        return o.ToString();
    }

    private static void TriageRecord(StringBuilder o, CaseDetail d, Redactor r)
    {
        CaseRecord c = d.Case;
        o.Append("<h2>Triage record</h2>\n<dl class=\"fields\">\n");
        Field(o, r, "Status", CaseStatuses.Name(c.Status));
        Field(o, r, "Severity", c.Severity is { } s ? s.ToString(CultureInfo.InvariantCulture) + " of 5" : "not set");
        Field(o, r, "Assigned to", c.Assignee ?? "nobody");
        Field(o, r, "Tags", c.Tags.Count == 0 ? "none" : string.Join(", ", c.Tags));
        Field(o, r, "Categories", d.Categories.Count == 0 ? "none given" : string.Join("; ", d.Categories.Select(ReportLabels.Category)));
        Field(o, r, "Opened", c.Opened);
        Field(o, r, "Last changed", c.Updated);
        Field(o, r, "Items", string.Create(CultureInfo.InvariantCulture,
            $"{d.Items.Count(i => i.IsSubmission)} report(s), {d.Items.Count(i => !i.IsSubmission)} follow-up(s), {d.Replies.Count} reply(ies), {d.Notes.Count} note(s)"));
        foreach (ItemRecord i in d.Items)
        {
            foreach (string other in i.Duplicates)
            {
                Field(o, r, "Duplicate", $"item {other[..8]} (case {d.CaseOfItem.GetValueOrDefault(other, "?")}) is identical to item {i.Id[..8]}");
            }

            foreach (string other in i.NearDuplicates)
            {
                Field(o, r, "Near-duplicate", $"item {other[..8]} (case {d.CaseOfItem.GetValueOrDefault(other, "?")}) has a description at least 80% the same as item {i.Id[..8]}");
            }
        }

        o.Append("</dl>\n");
    }

    private static void Item(StringBuilder o, Redactor r, ItemRecord i)
    {
        o.Append("<section class=\"item\">\n<h2>").Append(i.IsSubmission ? "Report" : "Follow-up").Append(' ').Append(i.Id[..8]).Append("</h2>\n");
        o.Append("<p class=\"meta\">Imported ").Append(Line(r, i.Imported)).Append(" by ").Append(Line(r, i.ImportedBy, 64))
            .Append(", from a bundle created ").Append(Line(r, i.BundleCreated)).Append(".</p>\n");
        string html;
        if (i.IsSubmission)
        {
            ReportV1 report = Documents.Report(i);
            o.Append("<dl class=\"fields\">\n");
            foreach ((string label, string value) in ReportFieldList.Of(report))
            {
                FieldHtml(o, label, FieldValue(r, i, report, label, value));
            }

            o.Append("</dl>\n<h3>Description</h3>\n");
            html = Block(r, report.Description, i.Id, RedactableFields.Description);
        }
        else
        {
            o.Append("<h3>Message</h3>\n");
            html = Block(r, Documents.Message(i).Text, i.Id, RedactableFields.Message);
        }

        o.Append("<div class=\"text\">").Append(html).Append("</div>\n");
        Attachments(o, r, i);
        o.Append("</section>\n");
    }

    // The free-text answers carry their spans; the others (choices from lists) only what the global marks reach.
    private static string FieldValue(Redactor r, ItemRecord i, ReportV1 report, string label, string value) => label switch
    {
        "Evidence" => Block(r, value, i.Id, RedactableFields.Evidence),
        "Retaliation" => Block(r, value, i.Id, RedactableFields.Retaliation),
        "Outcome" => Block(r, value, i.Id, RedactableFields.Outcome),
        "Where" when report.Where?.Place is { } place =>
            (report.Where.State is { } state ? Block(r, state + ", ") : string.Empty) + Block(r, place, i.Id, RedactableFields.Place),
        _ => Block(r, value),
    };

    private static void Attachments(StringBuilder o, Redactor r, ItemRecord i)
    {
        if (i.Attachments.Count == 0)
        {
            o.Append("<p class=\"meta\">No attachments.</p>\n");
            return;
        }

        o.Append("<h3>Attachments</h3>\n<table>\n<thead><tr><th>#</th><th>Name given by the source</th><th>Type (from its contents)</th>"
            + "<th>Size (bytes)</th><th>SHA-256 of the file</th></tr></thead>\n<tbody>\n");
        foreach (AttachmentRecord a in i.Attachments)
        {
            o.Append("<tr><td>").Append(a.Number.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            if (r.AttachmentMark(i.Id, a.Number) is int mark)
            {
                o.Append("<td class=\"user\">").Append(MarkHtml([mark])).Append("<br><span class=\"meta\">withheld: not described here</span></td>")
                    .Append("<td>withheld</td><td>withheld</td><td class=\"hash\">salted ").Append(r.Salted(a.Sha256)).Append("</td></tr>\n");
                continue;
            }

            o.Append("<td class=\"user\">").Append(Line(r, a.Name, 1100)).Append("<br><span class=\"meta\">exported as ").Append(Line(r, a.SafeName, 1100))
                .Append(ReportLabels.Copy(i, a.Number) is { } copy ? "<br>" + Html.Line(copy) : string.Empty)
                .Append("</span></td><td>").Append(Line(r, a.TypeLabel)).Append("<br><code>").Append(Line(r, a.Type)).Append("</code></td><td>")
                .Append(a.Size.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td class=\"hash\">").Append(Html.Line(a.Sha256)).Append("</td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n");
    }

    private static void Replies(StringBuilder o, Redactor r, IReadOnlyList<ReplyRecord> replies)
    {
        o.Append("<h2>Replies to the source</h2>\n");
        if (replies.Count == 0)
        {
            o.Append("<p class=\"meta\">None.</p>\n");
            return;
        }

        foreach (ReplyRecord reply in replies)
        {
            o.Append("<h3>Reply ").Append(reply.Id[..8]).Append("</h3>\n<p class=\"meta\">Written ").Append(Line(r, reply.Time)).Append(" by ")
                .Append(Line(r, reply.Actor, 64)).Append(reply.Exported is null ? "; not yet sent" : "; sent in a replies bundle on " + Line(r, reply.Exported))
                .Append(".</p>\n<div class=\"text\">").Append(Block(r, reply.Text)).Append("</div>\n");
        }
    }

    private static void Notes(StringBuilder o, Redactor r, IReadOnlyList<NoteRecord> notes)
    {
        o.Append("<h2>Reviewers’ notes</h2>\n");
        if (notes.Count == 0)
        {
            o.Append("<p class=\"meta\">None.</p>\n");
            return;
        }

        foreach (NoteRecord n in notes)
        {
            o.Append("<p class=\"meta\">").Append(Line(r, n.Time)).Append(", ").Append(Line(r, n.Actor, 64)).Append(":</p>\n<div class=\"text\">")
                .Append(Block(r, n.Text)).Append("</div>\n");
        }
    }

    private static void History(StringBuilder o, Redactor r, IReadOnlyList<AuditEntry> history)
    {
        // An entry's hash covers its unredacted details, and every other input (number, time, actor, action, the
        // previous hash) is on the page: shown, it would let a reader test guesses of what a mark hides, through that
        // entry or any later one in the chain. So a packet with marks shows no entry hashes (audit verify checks them).
        o.Append("<h2>History</h2>\n<p class=\"meta\">From the vault’s hash-chained audit log (entry number and hash")
            .Append(r.Active ? "; the hashes are withheld in a redacted packet, since they cover what was redacted" : string.Empty)
            .Append(").</p>\n<table>\n<thead><tr><th>#</th><th>Time (UTC)</th><th>Who</th><th>Action</th><th>Details</th></tr></thead>\n<tbody>\n");
        foreach (AuditEntry h in history)
        {
            o.Append("<tr><td>").Append(h.Seq.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Line(r, h.Time))
                .Append("</td><td class=\"user\">").Append(Line(r, h.Actor, 64)).Append("</td><td>").Append(Line(r, h.Action))
                .Append("</td><td class=\"user\">").Append(Line(r, HistoryDetails(r, h), 500));
            if (!r.Active)
            {
                o.Append("<br><span class=\"hash\">").Append(Html.Line(h.Hash)).Append("</span>");
            }

            o.Append("</td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n");
    }

    /// <summary>
    /// In a redacted packet, the numbers in a note's or reply's entry (a note's length, a reply's size and hash) are
    /// withheld: a length less what is shown is the length of what was redacted.
    /// </summary>
    private static string HistoryDetails(Redactor r, AuditEntry h) =>
        r.Active && (h.Action.StartsWith("note.", StringComparison.Ordinal) || h.Action.StartsWith("reply.", StringComparison.Ordinal))
            ? System.Text.RegularExpressions.Regex.Replace(h.Details ?? string.Empty, "[0-9a-f]{16,}|[0-9][0-9,]*", "…")
            : h.Details ?? string.Empty;

    private static void Evidence(StringBuilder o, Redactor r, IReadOnlyList<ItemRecord> items)
    {
        o.Append("<h2>Evidence hashes</h2>\n<p class=\"meta\">Each item arrived as one age-encrypted file, kept unchanged in the "
            + "vault as <code>evidence/&lt;item id&gt;.age</code>. Its SHA-256 can be checked with <code>sha256sum</code>; the plaintext "
            + "hash is of the decrypted container (report or message and attachments), salted for an item with redactions.</p>\n<table>\n"
            + "<thead><tr><th>Item</th><th>Encrypted original</th><th>Decrypted container</th></tr></thead>\n<tbody>\n");
        foreach (ItemRecord i in items)
        {
            bool marked = r.MarksOn(i.Id).Count > 0;
            string plain = marked ? "salted " + r.Salted(i.PlaintextSha256) : Html.Line(i.PlaintextSha256);
            // A marked item's plaintext size, less what is shown, would give the size of what was redacted.
            string plainSize = marked ? "size withheld" : i.PlaintextSize.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
            o.Append("<tr><td><code>").Append(Html.Line(i.Id)).Append("</code><br>").Append(i.IsSubmission ? "report" : "follow-up")
                .Append("; bundle <span class=\"hash\">").Append(Html.Line(i.BundleSha256)).Append("</span></td><td>")
                .Append(i.CiphertextSize.ToString("N0", CultureInfo.InvariantCulture)).Append(" bytes<br><span class=\"hash\">SHA-256 ")
                .Append(Html.Line(i.CiphertextSha256)).Append("</span></td><td>").Append(plainSize)
                .Append("<br><span class=\"hash\">SHA-256 ").Append(plain).Append("</span></td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n");
    }

    private static void Field(StringBuilder o, Redactor r, string label, string value) => FieldHtml(o, label, Block(r, value));

    private static void FieldHtml(StringBuilder o, string label, string html) =>
        o.Append("<dt>").Append(Html.Encode(label)).Append("</dt><dd class=\"user\">").Append(html).Append("</dd>\n");
}
