using System.CommandLine;
using System.Text;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Cases;

/// <summary><c>whistle-review reply ID (--text TEXT | --file F)</c>.</summary>
internal static class ReplyCommand
{
    public static Command Create()
    {
        var id = CaseArguments.Id();
        var text = new Option<string?>("--text") { Description = "The reply, in quotes.", HelpName = "TEXT" };
        var file = new Option<string?>("--file") { Description = "Read the reply from a UTF-8 text file.", HelpName = "F" };
        var command = new Command("reply", $"""
            Write a reply to the source of a case (plain text, at most {ReplyService.MaxReplyBytes / 1024} KiB). It is signed
            with the team key ('team keygen' makes it), encrypted to the source's key and the reviewers' keys and queued; 'export-replies' puts the queued replies in
            a bundle for the portal, where the source reads them with their codename.
            """)
        {
            id,
            text,
            file,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string? given = parse.GetValue(text);
            string? path = parse.GetValue(file);
            if ((given is null) == (path is null))
            {
                throw new CliException("give the reply either with --text or with --file (one of them)");
            }

            string reply = given ?? ReadFile(path!);
            using VaultSession vault = VaultOptions.Open(parse);
            // Replies are signed with the team key: a vault without one is told so before anything else.
            TeamKeyService.PublicKey(vault);
            CaseRecord c = CaseQueryService.Resolve(vault, parse.GetValue(id)!);
            ReplyRecord queued = ReplyService.Queue(vault, c.Id, reply);
            Console.Out.WriteLine($"Case {c.ShortId}: reply {queued.Id[..8]} queued; run '{VaultOptions.Program(parse)} export-replies --out FILE.wsbundle' to send it");
        }));
        return command;
    }

    private static string ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new CliException($"can't open reply file \"{path}\": no such file");
        }

        if (info.Length > ReplyService.MaxReplyBytes)
        {
            throw new CliException($"a reply is plain text of at most {ReplyService.MaxReplyBytes / 1024} KiB", "shorten it, or split it into several replies");
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(InputSource.ReadAll(path, "reply file"));
        }
        catch (DecoderFallbackException ex)
        {
            throw new CliException($"the reply file \"{path}\" is not UTF-8 text", "save it as plain text (UTF-8)", ex);
        }
    }
}
