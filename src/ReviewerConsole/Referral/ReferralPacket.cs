using System.Globalization;
using System.Text;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Referral;

/// <summary>
/// The referral packet (case-export): one self-contained HTML page for prosecutors or an oversight body. It holds the
/// triage record, the conversation (report, follow-ups, replies), notes, attachment list, the history, and the
/// SHA-256 of every original ciphertext item and of its plaintext, so a recipient holding the evidence files can check
/// them. Every piece of data goes through <see cref="Html"/>; the page has no script, link, image or external resource.
/// </summary>
internal static class ReferralPacket
{
    public static string Render(CaseDetail d, string exportedAt, string exportedBy)
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
        o.Append("<p class=\"meta\">Exported ").Append(Html.Line(exportedAt)).Append(" (UTC) by ").Append(Html.Line(exportedBy, 64))
            .Append(" from the WhistleSubmit reviewer console. Case id <code>").Append(c.Id).Append("</code>.</p>\n");
        o.Append("<p class=\"notice\">Confidential. Everything under “Report” and “Follow-up” is the source’s own words, "
            + "unverified. Invisible control and formatting characters in any text are shown as �; the exact text is in the "
            + "original encrypted items, whose SHA-256 hashes are listed below. Attachments are listed, not included.</p>\n</header>\n");

        TriageRecord(o, d);
        foreach (ItemRecord item in d.Items)
        {
            Item(o, d, item);
        }

        Replies(o, d.Replies);
        Notes(o, d.Notes);
        History(o, d.History);
        Evidence(o, d.Items);
        o.Append("</body>\n</html>\n");
        return o.ToString();
    }

    private static void TriageRecord(StringBuilder o, CaseDetail d)
    {
        CaseRecord c = d.Case;
        o.Append("<h2>Triage record</h2>\n<dl class=\"fields\">\n");
        Field(o, "Status", CaseStatuses.Name(c.Status));
        Field(o, "Severity", c.Severity is { } s ? s.ToString(CultureInfo.InvariantCulture) + " of 5" : "not set");
        Field(o, "Assigned to", c.Assignee ?? "nobody");
        Field(o, "Tags", c.Tags.Count == 0 ? "none" : string.Join(", ", c.Tags));
        Field(o, "Categories", d.Categories.Count == 0 ? "none given" : string.Join("; ", d.Categories.Select(ReportLabels.Category)));
        Field(o, "Opened", c.Opened);
        Field(o, "Last changed", c.Updated);
        Field(o, "Items", string.Create(CultureInfo.InvariantCulture,
            $"{d.Items.Count(i => i.IsSubmission)} report(s), {d.Items.Count(i => !i.IsSubmission)} follow-up(s), {d.Replies.Count} reply(ies), {d.Notes.Count} note(s)"));
        foreach (ItemRecord i in d.Items)
        {
            foreach (string other in i.Duplicates)
            {
                Field(o, "Duplicate", $"item {other[..8]} (case {d.CaseOfItem.GetValueOrDefault(other, "?")}) is identical to item {i.Id[..8]}");
            }

            foreach (string other in i.NearDuplicates)
            {
                Field(o, "Near-duplicate", $"item {other[..8]} (case {d.CaseOfItem.GetValueOrDefault(other, "?")}) has a description at least 80% the same as item {i.Id[..8]}");
            }
        }

        o.Append("</dl>\n");
    }

    private static void Item(StringBuilder o, CaseDetail d, ItemRecord i)
    {
        o.Append("<section class=\"item\">\n<h2>").Append(i.IsSubmission ? "Report" : "Follow-up").Append(' ').Append(i.Id[..8]).Append("</h2>\n");
        o.Append("<p class=\"meta\">Imported ").Append(Html.Line(i.Imported)).Append(" by ").Append(Html.Line(i.ImportedBy, 64))
            .Append(", from a bundle created ").Append(Html.Line(i.BundleCreated)).Append(".</p>\n");
        string text;
        if (i.IsSubmission)
        {
            ReportV1 report = Documents.Report(i);
            o.Append("<dl class=\"fields\">\n");
            foreach ((string label, string value) in ReportFieldList.Of(report))
            {
                Field(o, label, value);
            }

            o.Append("</dl>\n<h3>Description</h3>\n");
            text = report.Description;
        }
        else
        {
            MessageV1 message = Documents.Message(i);
            o.Append("<h3>Message</h3>\n");
            text = message.Text;
        }

        o.Append("<div class=\"text\">").Append(Html.Block(text)).Append("</div>\n");
        Attachments(o, i);
        o.Append("</section>\n");
    }

    private static void Attachments(StringBuilder o, ItemRecord i)
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
            o.Append("<tr><td>").Append(a.Number.ToString(CultureInfo.InvariantCulture)).Append("</td><td class=\"user\">")
                .Append(Html.Line(a.Name, 1100)).Append("<br><span class=\"meta\">exported as ").Append(Html.Line(a.SafeName, 1100))
                .Append(ReportLabels.Copy(i, a.Number) is { } copy ? "<br>" + Html.Line(copy) : string.Empty)
                .Append("</span></td><td>").Append(Html.Line(a.TypeLabel)).Append("<br><code>").Append(Html.Line(a.Type)).Append("</code></td><td>")
                .Append(a.Size.ToString("N0", CultureInfo.InvariantCulture)).Append("</td><td class=\"hash\">").Append(Html.Line(a.Sha256)).Append("</td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n");
    }

    private static void Replies(StringBuilder o, IReadOnlyList<ReplyRecord> replies)
    {
        o.Append("<h2>Replies to the source</h2>\n");
        if (replies.Count == 0)
        {
            o.Append("<p class=\"meta\">None.</p>\n");
            return;
        }

        foreach (ReplyRecord r in replies)
        {
            o.Append("<h3>Reply ").Append(r.Id[..8]).Append("</h3>\n<p class=\"meta\">Written ").Append(Html.Line(r.Time)).Append(" by ")
                .Append(Html.Line(r.Actor, 64)).Append(r.Exported is null ? "; not yet sent" : "; sent in a replies bundle on " + Html.Line(r.Exported))
                .Append(".</p>\n<div class=\"text\">").Append(Html.Block(r.Text)).Append("</div>\n");
        }
    }

    private static void Notes(StringBuilder o, IReadOnlyList<NoteRecord> notes)
    {
        o.Append("<h2>Reviewers’ notes</h2>\n");
        if (notes.Count == 0)
        {
            o.Append("<p class=\"meta\">None.</p>\n");
            return;
        }

        foreach (NoteRecord n in notes)
        {
            o.Append("<p class=\"meta\">").Append(Html.Line(n.Time)).Append(", ").Append(Html.Line(n.Actor, 64)).Append(":</p>\n<div class=\"text\">")
                .Append(Html.Block(n.Text)).Append("</div>\n");
        }
    }

    private static void History(StringBuilder o, IReadOnlyList<AuditEntry> history)
    {
        o.Append("<h2>History</h2>\n<p class=\"meta\">From the vault’s hash-chained audit log (entry number and hash).</p>\n<table>\n"
            + "<thead><tr><th>#</th><th>Time (UTC)</th><th>Who</th><th>Action</th><th>Details</th></tr></thead>\n<tbody>\n");
        foreach (AuditEntry h in history)
        {
            o.Append("<tr><td>").Append(h.Seq.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Html.Line(h.Time))
                .Append("</td><td class=\"user\">").Append(Html.Line(h.Actor, 64)).Append("</td><td>").Append(Html.Line(h.Action))
                .Append("</td><td class=\"user\">").Append(Html.Line(h.Details, 500)).Append("<br><span class=\"hash\">").Append(Html.Line(h.Hash))
                .Append("</span></td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n");
    }

    private static void Evidence(StringBuilder o, IReadOnlyList<ItemRecord> items)
    {
        o.Append("<h2>Evidence hashes</h2>\n<p class=\"meta\">Each item arrived as one age-encrypted file, kept unchanged in the "
            + "vault as <code>evidence/&lt;item id&gt;.age</code>. Its SHA-256 can be checked with <code>sha256sum</code>; the plaintext "
            + "hash is of the decrypted container (report or message and attachments).</p>\n<table>\n"
            + "<thead><tr><th>Item</th><th>Encrypted original</th><th>Decrypted container</th></tr></thead>\n<tbody>\n");
        foreach (ItemRecord i in items)
        {
            o.Append("<tr><td><code>").Append(Html.Line(i.Id)).Append("</code><br>").Append(i.IsSubmission ? "report" : "follow-up")
                .Append("; bundle <span class=\"hash\">").Append(Html.Line(i.BundleSha256)).Append("</span></td><td>")
                .Append(i.CiphertextSize.ToString("N0", CultureInfo.InvariantCulture)).Append(" bytes<br><span class=\"hash\">SHA-256 ")
                .Append(Html.Line(i.CiphertextSha256)).Append("</span></td><td>").Append(i.PlaintextSize.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" bytes<br><span class=\"hash\">SHA-256 ").Append(Html.Line(i.PlaintextSha256)).Append("</span></td></tr>\n");
        }

        o.Append("</tbody>\n</table>\n");
    }

    private static void Field(StringBuilder o, string label, string value) =>
        o.Append("<dt>").Append(Html.Encode(label)).Append("</dt><dd class=\"user\">").Append(Html.Block(value)).Append("</dd>\n");
}
