using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// The case status the source sees in the mailbox (received, under review, referred, closed): signed with the team key
/// as a <see cref="SignedCaseStatus"/> bound to the case's mailbox id and numbered (1, 2, …) per case, encrypted like a
/// reply and queued for the next replies bundle (item kind <c>status</c>). Separate from the reviewers' own triage
/// status, which the source never sees.
/// </summary>
internal static class SourceStatusService
{
    public static ReplyRecord Set(VaultSession vault, string caseId, string status, string? referredTo)
    {
        if (!SignedCaseStatus.Statuses.Contains(status))
        {
            throw new CliException($"\"{status}\" is not a status the source can see", $"use one of {string.Join(", ", SignedCaseStatus.Statuses)}");
        }

        if (referredTo is not null && status != "referred")
        {
            throw new CliException("--referred-to goes only with the status referred");
        }

        if (referredTo is not null && !SignedCaseStatus.IsValidReferredTo(referredTo))
        {
            throw new CliException($"--referred-to is one line of at most {SignedCaseStatus.MaxReferredToLength} characters, without control characters",
                "say to whom in general terms, e.g. \"an Inspector General's office\"");
        }

        using TeamSigningKey teamKey = TeamKeyService.Load(vault);
        CaseRecord c = CaseQueryService.Get(vault, caseId).Case;
        if (c.ReplyRecipient is null)
        {
            throw new CliException($"case {c.ShortId} can't be sent a status yet: its source's report (which carries the reply key) is not in the vault");
        }

        long seq = vault.Read(data => data.RepliesOfCase(c.Id).Where(r => r.Kind == ReplyRecord.StatusKind).Select(r => r.Seq).DefaultIfEmpty(0).Max()) + 1;
        string id = BundleItem.NewId();
        byte[] signed = new SignedCaseStatus { MailboxId = c.MailboxId, Id = id, Day = ReplyService.Today(vault), Seq = seq, Status = status, ReferredTo = referredTo }
            .ToSignedDocument(teamKey);
        string text = $"Status for the source: {status}{(referredTo is null ? string.Empty : $" (to {referredTo})")}";
        return ReplyService.Enqueue(vault, c, id, signed, AuditActions.SourceStatusQueue, $"status {seq} ({status})",
            r => r with { Text = text, Kind = ReplyRecord.StatusKind, Status = status, ReferredTo = referredTo, Seq = seq });
    }

    /// <summary>The newest status set for the case (what the source sees once it is exported), or null.</summary>
    public static ReplyRecord? Current(IEnumerable<ReplyRecord> replies) =>
        replies.Where(r => r.Kind == ReplyRecord.StatusKind).MaxBy(r => r.Seq);
}
