using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary>The --json form of a case (show).</summary>
internal static class CaseJson
{
    public static object From(CaseDetail d) => new
    {
        id = d.Case.ShortId,
        fullId = d.Case.Id,
        mailboxId = d.Case.MailboxId,
        caseProof = d.Case.Proof,
        conflicts = d.Case.ConflictingCases,
        status = CaseStatuses.Name(d.Case.Status),
        severity = d.Case.Severity,
        assignee = d.Case.Assignee,
        tags = d.Case.Tags,
        categories = d.Categories,
        opened = d.Case.Opened,
        updated = d.Case.Updated,
        retention = d.Retention is { } ret ? Commands.Retention.RetentionCommand.ToJson(d.Case, ret) : null,
        replyRecipientFingerprint = d.Case.ReplyRecipient is { } r ? RecipientFingerprint.Compute(r) : null,
        items = d.Items.Select(i => new
        {
            id = i.Id,
            kind = i.Kind,
            imported = i.Imported,
            importedBy = i.ImportedBy,
            bundleSha256 = i.BundleSha256,
            bundleCreated = i.BundleCreated,
            ciphertext = new { size = i.CiphertextSize, sha256 = i.CiphertextSha256, evidence = $"evidence/{i.Id}.age" },
            plaintext = new { size = i.PlaintextSize, sha256 = i.PlaintextSha256 },
            document = JsonDocument.Parse(i.Document).RootElement,
            attachments = i.Attachments,
            duplicates = i.Duplicates.Select(o => new { item = o, @case = d.CaseOfItem.GetValueOrDefault(o) }),
            nearDuplicates = i.NearDuplicates.Select(o => new { item = o, @case = d.CaseOfItem.GetValueOrDefault(o) }),
            recipients = d.Recipients.GetValueOrDefault(i.Id) is { } rec
                ? new { stanzaTypes = rec.StanzaTypes, count = rec.Count, team = rec.TeamSize, warning = rec.Warning }
                : null,
            manifestMailboxId = i.MailboxId,
            flags = i.ProofFlags.Select(f => new { kind = f.Kind, detail = f.Detail, text = ProofFlagText.Describe(f) }),
        }),
        replies = d.Replies.Select(r => new { id = r.Id, kind = r.Kind, time = r.Time, actor = r.Actor, text = r.Text, exported = r.Exported, sha256 = r.Sha256 }),
        sourceStatus = d.SourceStatus is { } st ? new { status = st.Status, referredTo = st.ReferredTo, seq = st.Seq, time = st.Time, exported = st.Exported } : null,
        consent = d.ConsentAnswers.Select(a => new { destination = a.Destination, answer = a.Answer, recorded = a.Time }),
        notes = d.Notes.Select(n => new { time = n.Time, actor = n.Actor, text = n.Text }),
        history = d.History.Select(h => new { seq = h.Seq, time = h.Time, actor = h.Actor, action = h.Action, item = h.ItemId, details = h.Details }),
    };
}
