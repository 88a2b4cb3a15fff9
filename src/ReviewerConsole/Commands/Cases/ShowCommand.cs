using System.CommandLine;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review show ID [--json]</c>: the whole conversation with one source.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("show", """
            Show one case: its triage record, the report and every follow-up (with attachment types, sizes
            and SHA-256 hashes), replies, notes and the history of every change. Its new messages count as read from then on.
            """)
        {
            id,
            json,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            CaseDetail detail = CaseQueryService.Get(vault, CaseQueryService.Resolve(vault, parse.GetValue(id)!).Id);
            Console.Out.Write(parse.GetValue(json)
                ? JsonSerializer.Serialize(CaseJson.From(detail), JsonOutput.Options) + "\n"
                : CaseText.Render(detail));
            Console.Out.Flush();
            TriageService.MarkRead(vault, detail.Case.Id);
        }));
        return command;
    }
}
