using System.CommandLine;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review ask-consent ID --destination D [--destination D]…</c>.</summary>
internal static class AskConsentCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var destinations = new Option<string[]>("--destination")
        {
            Description = $"A kind of destination to ask about, repeatable: {string.Join(", ", ConsentDestinations.All)}.",
            HelpName = "D",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("ask-consent", """
            Ask the source whether the case may go to these kinds of destination (the Office of Special
            Counsel, an Office of Inspector General, Congress, a lawyer, the press). The request is signed with
            the team key and queued like a reply; the source answers per destination in their mailbox, and the
            answer is recorded with the case at the next import ('show' lists it). 'case-export --destination D'
            needs no second reviewer once the source said yes for D.
            """)
        {
            id,
            destinations,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            TeamKeyService.PublicKey(vault);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            ReplyRecord queued = ConsentService.Ask(vault, c.Id, parse.GetValue(destinations) ?? []);
            Console.Out.WriteLine($"Case {c.ShortId}: consent request {queued.Id[..8]} ({string.Join(", ", queued.Destinations!)}) queued; run '{VaultOptions.Program(parse)} export-replies --out FILE.wsbundle' to send it");
        }));
        return command;
    }
}
