using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review note ID TEXT</c>.</summary>
internal static class NoteCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var text = new Argument<string>("TEXT") { Description = "The note, in quotes. It stays in the vault; the source never sees it." };
        var command = new Command("note", "Add a note to a case (kept in the vault, shown by 'show', never sent to the source).")
        {
            id,
            text,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            NoteRecord note = TriageService.AddNote(vault, c.Id, parse.GetValue(text)!);
            Console.Out.WriteLine($"Case {c.ShortId}: note added ({note.Time})");
        }));
        return command;
    }
}
