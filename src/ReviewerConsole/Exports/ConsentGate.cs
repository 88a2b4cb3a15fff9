using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Exports;

/// <summary>
/// Whether a referral packet may leave (issue 19): with the source's latest recorded answer "yes" for the destination,
/// yes; otherwise only with a second reviewer's approval (<see cref="ISecondReviewerApproval"/>), who must be someone
/// other than the reviewer acting. Each refusal is audited (<see cref="ExportAuditActions.CaseExportRefused"/>), naming
/// both reviewers where there are two; the caller audits the export itself with <see cref="Decision.Details"/>.
/// </summary>
internal static class ConsentGate
{
    public sealed record Decision(string Action, string Details);

    public static Decision Check(VaultSession vault, string caseId, string shortId, string? destination, string? approvedBy)
    {
        ArgumentNullException.ThrowIfNull(vault);
        if (destination is not null)
        {
            _ = ConsentService.Canonical([destination]);
        }

        var answer = destination is null ? default : ConsentService.Answers(vault, caseId).FirstOrDefault(a => a.Destination == destination);
        string target = destination is null ? "no destination named" : $"destination {destination}";
        if (answer.Answer == "yes")
        {
            return new Decision(ExportAuditActions.CaseExport, $"{target}: the source consented (answer recorded {answer.Time})");
        }

        string why = destination is null ? "no destination was named (--destination)"
            : answer.Answer is null ? $"its source has not answered for {destination}"
            : $"its source answered no for {destination}";
        if (approvedBy is null)
        {
            Refuse(vault, caseId, $"{target}: no recorded consent, no second reviewer named");
            throw new CliException($"case {shortId} can't be exported alone: {why}",
                vault.IsShared
                    ? "ask the source with 'ask-consent', or have a second holder approve: open the vault with them (--holders) and add --approved-by THEIR-NAME"
                    : "ask the source with 'ask-consent', or have a second reviewer approve: add --approved-by NAME and let them type the vault passphrase");
        }

        if (string.Equals(approvedBy.Trim(), vault.Actor, StringComparison.OrdinalIgnoreCase) || string.IsNullOrWhiteSpace(approvedBy))
        {
            Refuse(vault, caseId, $"{target}: no recorded consent, and the approver named ({approvedBy}) is the reviewer acting");
            throw new CliException("the second reviewer must be someone other than you (--as)", "the second reviewer gives their own name with --approved-by");
        }

        try
        {
            SecondReviewerApproval.For(vault).Confirm(vault, approvedBy);
        }
        catch (CliException)
        {
            Refuse(vault, caseId, $"{target}: no recorded consent; approval by {approvedBy} failed");
            throw;
        }

        // In a single-passphrase vault the approver's name is their word (anyone who knows the passphrase could type
        // it): the log says so rather than record it as fact.
        string how = vault.IsShared ? "a holder who opened the vault" : "vault passphrase typed again; the name is unverified";
        return new Decision(ExportAuditActions.CaseExportApproved, $"{target}: {why}; approved by {approvedBy} ({how}), requested by {vault.Actor}");
    }

    private static void Refuse(VaultSession vault, string caseId, string details) =>
        vault.Write(data => AuditLog.Append(data, vault.Actor, vault.Now(), ExportAuditActions.CaseExportRefused, caseId, null, details));
}
