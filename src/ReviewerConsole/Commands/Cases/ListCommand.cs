using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review list [--status S] [--category C] [--search TEXT] [--json]</c>.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var status = new Option<string?>("--status")
        {
            Description = $"Only cases with this status: {string.Join(", ", CaseStatuses.Names)}.",
            HelpName = "S",
        };
        var category = new Option<string?>("--category")
        {
            Description = $"Only cases with this category: {string.Join(", ", Documents.AllCategoryIds)}.",
            HelpName = "C",
        };
        var search = new Option<string?>("--search")
        {
            Description = "Only cases whose reports, follow-ups, notes or tags contain TEXT (upper/lower case ignored).",
            HelpName = "TEXT",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("list", """
            List the cases (one per source), oldest first.

            FLAGS: "dup" = an item is identical to another item; "near" = a description is at least 80%
            the same as another one (word triples); see 'show ID' for which; "new:N" = N messages (follow-ups)
            arrived since the case was last read with 'show ID' or in the TUI.
            Case proof (see 'show ID'): "conflict" = another case has this source's mailbox id with another
            codename proof (not merged); "routed" = the portal filed an item under another mailbox than the one
            inside it; "replykey" = an item claims another reply key than the case's (not used); "v1" = grouped
            by the portal's mailbox id, grouping not proven.
            Retention (see 'retention --help'): "exp:Nd" = expires in N days; "due" = its expiry day has come
            ('destroy' it or keep it longer); "hold" = under legal hold.
            """)
        {
            status,
            category,
            search,
            json,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            var filter = new CaseFilter(ParseStatus(parse.GetValue(status)), ParseCategory(parse.GetValue(category)), parse.GetValue(search));
            using VaultSession vault = VaultOptions.Open(parse);
            IReadOnlyList<CaseSummary> cases = CaseQueryService.List(vault, filter);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(cases.Select(ToJson), JsonOutput.Options));
                return;
            }

            Print(cases);
        }));
        return command;
    }

    internal static CaseStatus? ParseStatus(string? text) =>
        text is null ? null
        : CaseStatuses.TryParse(text, out CaseStatus s) ? s
        : throw new CliException($"unknown status \"{TerminalText.Line(text, 40)}\"", $"use one of: {string.Join(", ", CaseStatuses.Names)}");

    private static string? ParseCategory(string? text) =>
        text is null ? null
        : Documents.AllCategoryIds.Contains(text.Trim().ToLowerInvariant()) ? text.Trim().ToLowerInvariant()
        : throw new CliException($"unknown category \"{TerminalText.Line(text, 40)}\"", $"use one of: {string.Join(", ", Documents.AllCategoryIds)}");

    private static void Print(IReadOnlyList<CaseSummary> cases)
    {
        if (cases.Count == 0)
        {
            Console.Out.WriteLine("No cases match.");
            return;
        }

        Console.Out.WriteLine($"{"ID",-8}  {"STATUS",-13}  SEV  {"OPENED",-10}  ITEMS  {"ASSIGNEE",-12}  {"FLAGS",-8}  SUMMARY");
        foreach (CaseSummary s in cases)
        {
            string flags = string.Join(',', new[]
            {
                s.RecipientWarning is not null ? "⚠rcpt" : null,
                s.Retention?.Flag,
                s.Case.Unread > 0 ? string.Create(CultureInfo.InvariantCulture, $"new:{s.Case.Unread}") : null,
                s.HasDuplicates ? "dup" : null,
                s.HasNearDuplicates ? "near" : null,
            }.OfType<string>().Concat(s.ProofLabels));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Case.ShortId,-8}  {CaseStatuses.Name(s.Case.Status),-13}  {(s.Case.Severity?.ToString(CultureInfo.InvariantCulture) ?? "-"),3}  {s.Case.Opened[..10],-10}  {s.Submissions + s.Followups,5}  {TerminalText.Line(s.Case.Assignee ?? "-", 12),-12}  {(flags.Length == 0 ? "-" : flags),-8}  {s.Summary}"));
        }

        // Loud, after the table: a recipient the team does not have may be the portal's own (issue 13 P4).
        foreach (CaseSummary s in cases.Where(s => s.RecipientWarning is not null))
        {
            Console.Out.WriteLine($"{s.RecipientWarning} in case {s.Case.ShortId}: the portal may have added or dropped a recipient; see 'whistle-review show {s.Case.ShortId}' and report it to the team");
        }
    }

    private static object ToJson(CaseSummary s) => new
    {
        id = s.Case.ShortId,
        fullId = s.Case.Id,
        status = CaseStatuses.Name(s.Case.Status),
        severity = s.Case.Severity,
        assignee = s.Case.Assignee,
        tags = s.Case.Tags,
        categories = s.Categories,
        opened = s.Case.Opened,
        updated = s.Case.Updated,
        submissions = s.Submissions,
        followups = s.Followups,
        attachments = s.Attachments,
        notes = s.Notes,
        queuedReplies = s.QueuedReplies,
        unreadMessages = s.Case.Unread,
        duplicate = s.HasDuplicates,
        recipientWarning = s.RecipientWarning,
        nearDuplicate = s.HasNearDuplicates,
        proofFlags = s.ProofLabels,
        retention = s.Retention is { } r ? new { state = r.State.ToString().ToLowerInvariant(), expires = r.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), daysLeft = r.DaysLeft } : null,
        summary = s.Summary,
    };
}
