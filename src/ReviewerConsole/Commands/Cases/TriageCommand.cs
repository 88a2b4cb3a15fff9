using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review triage ID [--status S] [--severity N] [--assign NAME] [--tag T]… [--untag T]…</c>.</summary>
internal static class TriageCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var status = new Option<string?>("--status") { Description = $"New status: {string.Join(", ", CaseStatuses.Names)}.", HelpName = "S" };
        var severity = new Option<int?>("--severity") { Description = "Severity from 1 (low) to 5 (most serious).", HelpName = "1-5" };
        var assign = new Option<string?>("--assign") { Description = "Who handles the case (\"\" to unassign).", HelpName = "NAME" };
        var tag = new Option<string[]>("--tag") { Description = "Add a tag (repeatable).", HelpName = "T" };
        var untag = new Option<string[]>("--untag") { Description = "Remove a tag (repeatable).", HelpName = "T" };
        var command = new Command("triage", """
            Change a case's status, severity, assignee or tags. Every change is recorded in the case's
            history and the audit log, with your name (--as) and the time.
            """)
        {
            id,
            status,
            severity,
            assign,
            tag,
            untag,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            var change = new TriageChange(
                ListCommand.ParseStatus(parse.GetValue(status)),
                parse.GetValue(severity),
                parse.GetValue(assign),
                parse.GetValue(tag) ?? [],
                parse.GetValue(untag) ?? []);
            if (change is { Status: null, Severity: null, Assignee: null, AddTags.Count: 0, RemoveTags.Count: 0 })
            {
                throw new CliException("nothing to change", "give at least one of --status, --severity, --assign, --tag, --untag");
            }

            using VaultSession vault = VaultOptions.Open(parse);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            IReadOnlyList<AuditEntry> changes = TriageService.Triage(vault, c.Id, change);
            if (changes.Count == 0)
            {
                Console.Out.WriteLine($"Case {c.ShortId}: no change (it already was like that)");
            }

            foreach (AuditEntry e in changes)
            {
                Console.Out.WriteLine($"Case {c.ShortId}: {e.Action["case.".Length..]} {TerminalText.Line(e.Details, 200)}");
            }
        }));
        return command;
    }
}
