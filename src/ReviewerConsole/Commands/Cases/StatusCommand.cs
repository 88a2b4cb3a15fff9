using System.CommandLine;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review status ID STATUS [--referred-to TEXT]</c>: the case status the source sees.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var status = new Argument<string>("STATUS") { Description = $"One of {string.Join(", ", SignedCaseStatus.Statuses)}." };
        var referredTo = new Option<string?>("--referred-to")
        {
            Description = $"With referred only, optional: to whom, in general terms (one line, at most {SignedCaseStatus.MaxReferredToLength} characters). The source reads it.",
            HelpName = "TEXT",
        };
        var command = new Command("status", """
            Set the case status the source sees in their mailbox: received, under-review, referred
            (optionally --referred-to, in general terms) or closed. It is signed with the team key, encrypted
            like a reply and queued; 'export-replies' carries it to the portal. The source's mailbox shows the
            newest one (latest day, then highest number). This is not the reviewers' triage status.
            """)
        {
            id,
            status,
            referredTo,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            TeamKeyService.PublicKey(vault);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            ReplyRecord queued = SourceStatusService.Set(vault, c.Id, parse.GetValue(status)!, parse.GetValue(referredTo));
            Console.Out.WriteLine($"Case {c.ShortId}: status {queued.Seq} ({queued.Status}) queued for the source; run '{VaultOptions.Program(parse)} export-replies --out FILE.wsbundle' to send it");
        }));
        return command;
    }
}
