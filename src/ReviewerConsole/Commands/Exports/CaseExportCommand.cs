using System.CommandLine;
using System.Text;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Commands.Cases;
using WhistleSubmit.ReviewerConsole.Exports;
using WhistleSubmit.ReviewerConsole.Redaction;
using WhistleSubmit.ReviewerConsole.Referral;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Exports;

/// <summary><c>whistle-review case-export ID --out FILE.html [--force] [--destination D] [--approved-by NAME]</c>: the referral packet.</summary>
internal static class CaseExportCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var output = new Option<string>("--out")
        {
            Description = "The HTML file to write (readable only by you). It holds the case in plaintext: keep it safe.",
            HelpName = "FILE.html",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace FILE.html if it exists." };
        var destination = new Option<string?>("--destination")
        {
            Description = "Where the packet goes: osc, oig, congress, lawyer or press. With the source's recorded yes for it, no second reviewer is needed.",
            HelpName = "D",
        };
        var approvedBy = new Option<string?>("--approved-by")
        {
            Description = $"A second reviewer (not you) who approves an export without the source's recorded yes: in a single-passphrase vault they type the vault passphrase ({SecondReviewerApproval.FileVariable} names a file for scripts); in a shared vault they are one of the holders who opened it.",
            HelpName = "NAME",
        };
        var command = new Command("case-export", """
            Write a referral packet for prosecutors or an oversight body: one self-contained HTML page
            (no scripts, no external resources; prints well) with the triage record, the report and
            follow-ups, replies, notes, history, the attachment list (type from contents, size, SHA-256)
            and the SHA-256 of every original encrypted item. Attachments themselves are not included
            ('files ID --export DIR' writes them). What 'redact ID' marked is left out, with a mark
            at each place and salted hashes of the originals. The export is recorded in the audit log.
            Consent: unless the source answered yes for --destination ('ask-consent' asks them), a second
            reviewer must approve with --approved-by; refusals and approvals are audited, naming both.
            """)
        {
            id,
            output,
            force,
            destination,
            approvedBy,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            CaseDetail detail = CaseQueryService.Get(vault, CaseQueryService.Resolve(vault, parse.GetValue(id)!).Id);
            ConsentGate.Decision decision = ConsentGate.Check(vault, detail.Case.Id, detail.Case.ShortId, parse.GetValue(destination), parse.GetValue(approvedBy));
            string time = vault.Now();
            Redactor redactor = Redactor.For(detail, RedactionService.Get(vault, detail.Case.Id));
            int marks = redactor.Set?.Marks.Count ?? 0;
            byte[] html = Encoding.UTF8.GetBytes(ReferralPacket.Render(detail, redactor, time, vault.Actor));
            string written = AuditedExport.Write(vault, parse.GetValue(output)!, parse.GetValue(force), html, decision.Action,
                detail.Case.Id, $"referral packet written ({html.Length} bytes{(marks > 0 ? $", {marks} redaction marks applied" : string.Empty)}); {decision.Details}");
            Console.Out.WriteLine($"Wrote the referral packet for case {detail.Case.ShortId} to {written}"
                + (marks > 0 ? $" ({marks} redaction marks applied)" : " (nothing redacted: 'redact ID' marks what to leave out)"));
            ErrorReporter.Warning("it contains the case in plaintext: keep it on encrypted media and delete it when done");
        }));
        return command;
    }
}
