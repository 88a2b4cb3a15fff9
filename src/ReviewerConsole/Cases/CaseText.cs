using System.Globalization;
using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// The text form of a case (show): header, then the conversation in time order (reports, follow-ups, replies), then
/// notes and history. Everything a source wrote goes through <see cref="TerminalText"/>.
/// </summary>
internal static class CaseText
{
    public static string Render(CaseDetail d)
    {
        var o = new StringBuilder();
        CaseRecord c = d.Case;
        o.Append(Inv($"Case {c.ShortId}   status: {CaseStatuses.Name(c.Status)}   severity: {c.Severity?.ToString(CultureInfo.InvariantCulture) ?? "-"}   assignee: {Safe(c.Assignee ?? "-")}\n"));
        o.Append(Inv($"Opened {c.Opened}   updated {c.Updated}\n"));
        if (d.Retention is { } retention)
        {
            o.Append(retention.Describe()).Append('\n');
        }

        o.Append(Inv($"Tags: {(c.Tags.Count == 0 ? "-" : Safe(string.Join(", ", c.Tags)))}\n"));
        o.Append(Inv($"Categories: {(d.Categories.Count == 0 ? "-" : string.Join("; ", d.Categories.Select(ReportLabels.Category)))}\n"));
        o.Append(c.ReplyRecipient is { } r
            ? Inv($"Replies go to the source's key {RecipientFingerprint.Compute(r)}\n")
            : "Replies: not possible yet (the source's report is not in the vault)\n");
        foreach ((ItemRecord item, string warning) in d.RecipientWarnings)
        {
            o.Append(Inv($"{warning} (item {item.Id[..8]}): the portal may have added or dropped a recipient; report it to the team\n"));
        }

        o.Append(c.Proof is { } proof
            ? Inv($"Grouping: proven by the source's codename (case proof {proof[..16]}…); replies go to mailbox {c.MailboxId[..8]}\n")
            : "Grouping: v1, not proven (by the portal's mailbox id)\n");
        foreach (string other in c.ConflictingCases)
        {
            o.Append(Inv($"CONFLICT: case {other[..CaseRecord.ShortIdLength]} was opened on this case's mailbox id with another case proof (another codename, or a forgery); not merged\n"));
        }

        o.Append(d.SourceStatus is { } status
            ? Inv($"The source sees: {Safe(status.Text["Status for the source: ".Length..])} (status {status.Seq}, {(status.Exported is null ? "queued, not exported yet" : "exported " + status.Exported)})\n")
            : "The source sees: no status yet ('status ID STATUS' sets one)\n");
        o.Append(d.ConsentAnswers.Count == 0
            ? "Consent: none recorded\n"
            : Inv($"Consent: {string.Join("; ", d.ConsentAnswers.Select(a => $"{a.Destination} {a.Answer} ({a.Time})"))}\n"));
        var timeline = d.Items.Select(i => (i.Imported, i.Sequence, (Action)(() => Item(o, d, i))))
            .Concat(d.Replies.Select(rep => (rep.Time, long.MaxValue, (Action)(() => Reply(o, rep)))))
            .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Item2);
        foreach (var entry in timeline)
        {
            o.Append('\n');
            entry.Item3();
        }

        if (d.Notes.Count > 0)
        {
            o.Append("\nNotes\n");
            foreach (NoteRecord n in d.Notes)
            {
                o.Append(Inv($"  {n.Time} {Safe(n.Actor)}:\n"));
                Indented(o, n.Text, "    ");
            }
        }

        o.Append("\nHistory\n");
        foreach (var h in d.History)
        {
            o.Append(Inv($"  #{h.Seq} {h.Time} {Safe(h.Actor)}: {h.Action} {Safe(h.Details)}\n"));
        }

        return o.ToString();
    }

    private static void Item(StringBuilder o, CaseDetail d, ItemRecord i)
    {
        string title = i.IsSubmission ? "Report" : "Follow-up";
        o.Append(Inv($"{title} {i.Id[..8]}   imported {i.Imported} by {Safe(i.ImportedBy)} (bundle of {i.BundleCreated})\n"));
        if (i.IsSubmission)
        {
            ReportFields(o, Documents.Report(i));
        }
        else
        {
            MessageV1 m = Documents.Message(i);
            Field(o, "Form", $"{ReportLabels.Of<Language>(m.Client.Language)}, encrypted by the {ReportLabels.Of<EncryptedBy>(m.Client.EncryptedBy)}");
            o.Append("  Message:\n");
            Indented(o, m.Text, "    ");
        }

        if (i.Attachments.Count > 0)
        {
            o.Append("  Attachments (never opened here; export with 'files'):\n");
            foreach (AttachmentRecord a in i.Attachments)
            {
                o.Append(Inv($"    {a.SafeName}  {a.TypeLabel}  {a.Size:N0} bytes  SHA-256 {a.Sha256}\n"));
                if (TerminalText.Line(a.Name, 200) != a.SafeName[4..])
                {
                    o.Append(Inv($"      original name: {TerminalText.Line(a.Name, 200)}\n"));
                }

                if (ReportLabels.Copy(i, a.Number) is { } copy)
                {
                    o.Append(Inv($"      {copy}\n"));
                }
            }
        }

        o.Append(Inv($"  Evidence: evidence/{i.Id}.age, {i.CiphertextSize:N0} bytes, SHA-256 {i.CiphertextSha256}\n"));
        o.Append(Inv($"  Plaintext SHA-256 {i.PlaintextSha256}\n"));
        if (d.Recipients.GetValueOrDefault(i.Id) is { } recipients)
        {
            o.Append(recipients.Warning is { } warning
                ? Inv($"  {warning}: the portal may have added or dropped a recipient\n")
                : Inv($"  Recipients: {recipients.Count} post-quantum, one per reviewer key\n"));
        }

        foreach (ItemFlag flag in i.ProofFlags)
        {
            o.Append(Inv($"  {ProofFlagText.Describe(flag)}\n"));
        }

        foreach (string other in i.Duplicates)
        {
            o.Append(Inv($"  DUPLICATE: identical to item {other[..8]} (case {d.CaseOfItem.GetValueOrDefault(other, "?")})\n"));
        }

        foreach (string other in i.NearDuplicates)
        {
            o.Append(Inv($"  NEAR-DUPLICATE: description at least 80% the same as item {other[..8]} (case {d.CaseOfItem.GetValueOrDefault(other, "?")})\n"));
        }
    }

    private static void ReportFields(StringBuilder o, ReportV1 r)
    {
        Field(o, "Relationship", ReportLabels.Of(r.Relationship));
        Field(o, "Component", ReportLabels.Component(r.Component));
        Field(o, "Categories", r.Categories is { Count: > 0 } cats ? string.Join("; ", Documents.CategoryIds(r).Select(ReportLabels.Category)) : "—");
        if (r.When?.From is { } from)
        {
            Field(o, "When", r.When.To is { } to && to != from ? Inv($"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}") : Inv($"{from:yyyy-MM-dd}"));
        }

        if (r.Where is { } where)
        {
            Field(o, "Where", string.Join(", ", new[] { where.State, where.Place }.OfType<string>()));
        }

        if (r.PeopleAffected is { } people)
        {
            Field(o, "People affected", Inv($"{people.Count?.ToString(CultureInfo.InvariantCulture) ?? "unknown number"}; U.S. citizens or residents among them: {ReportLabels.Of(people.CitizensOrResidents)}"));
        }

        if (r.Harm is { } harm)
        {
            Field(o, "Harm", Inv($"force used: {ReportLabels.Of(harm.Force)}; injured: {harm.Injuries?.ToString(CultureInfo.InvariantCulture) ?? "—"}; deaths: {harm.Deaths?.ToString(CultureInfo.InvariantCulture) ?? "—"}"));
        }

        if (r.InternalReporting is { } ir)
        {
            string channels = ir.Channels is { Count: > 0 } ch ? " (" + string.Join(", ", ch.Select(ReportLabels.Channel)) + ")" : string.Empty;
            Field(o, "Reported internally", ReportLabels.Of(ir.Reported) + channels);
            if (ir.Outcome is { } outcome)
            {
                Field(o, "Outcome", outcome);
            }
        }

        if (r.Evidence is { } evidence)
        {
            Field(o, "Evidence", evidence);
        }

        if (r.Retaliation is { } retaliation)
        {
            Field(o, "Retaliation", retaliation);
        }

        Field(o, "Form", $"{ReportLabels.Of<Language>(r.Client.Language)}, encrypted by the {ReportLabels.Of<EncryptedBy>(r.Client.EncryptedBy)}");
        o.Append("  Description:\n");
        Indented(o, r.Description, "    ");
    }

    private static void Reply(StringBuilder o, ReplyRecord r)
    {
        string state = r.Exported is null ? "queued, not yet exported" : $"exported {r.Exported}";
        o.Append(Inv($"Reply {r.Id[..8]}   {r.Time} by {Safe(r.Actor)} ({state})\n"));
        Indented(o, r.Text, "    ");
    }

    private static void Field(StringBuilder o, string label, string value) => o.Append(Inv($"  {label}: {TerminalText.Line(value, 2000)}\n"));

    private static void Indented(StringBuilder o, string text, string indent)
    {
        foreach (string line in TerminalText.Block(text).Split('\n'))
        {
            o.Append(indent).Append(line).Append('\n');
        }
    }

    private static string Safe(string text) => TerminalText.Line(text, 200);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
