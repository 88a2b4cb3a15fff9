using System.CommandLine;
using WhistleSubmit.Portal.Admin;

namespace WhistleSubmit.Portal.CommandLine;

/// <summary>
/// The admin verbs' syntax. Each turns its parsed arguments back into the <see cref="AdminRequest"/> words the server
/// executes (AdminCommands, RecipientsCommands, ReviewerCommands), so the admin socket's protocol is unchanged.
/// File arguments travel as absolute paths: the server's working directory is not the operator's.
/// </summary>
internal static class AdminVerbs
{
    public static IEnumerable<Command> Create()
    {
        yield return Recipients();
        yield return Export();
        yield return FileVerb("import-replies", "FILE", "Verify a replies bundle whole, then store each reply whose mailbox exists.");
        yield return FileVerb("confirm", "RECEIPT", "Delete what a reviewer console's import receipt confirms (again: nothing to do).");
        yield return Verb("status", "What waits, and retention warnings.", _ => []);
        yield return Reviewer();
    }

    private static Command Recipients()
    {
        var recipients = new Command("recipients",
            "The reviewers' keys: a recipient set signed offline with the team key (<data>/recipients.signed.json, verified under <data>/team.pub). Restart the portal after a change.");
        var file = new Argument<string>("FILE") { Description = "recipients.signed.json from 'whistle-review team publish'." };
        var install = new Command("install", "Verify a signed recipient set under team.pub, then replace the installed one (shows old and new fingerprints).") { file };
        install.SetAction(parse => AdminCli.Run(parse.GetValue(PortalCommandLine.Data), "recipients", ["install", Path.GetFullPath(parse.GetValue(file)!)]));
        recipients.Subcommands.Add(install);
        recipients.Subcommands.Add(Sub("recipients", "list", "List the installed set's fingerprints (verified).", null));

        // Kept so an operator who tries them learns the signed flow instead of 'unknown verb'.
        recipients.Subcommands.Add(Refused("add"));
        recipients.Subcommands.Add(Refused("remove"));
        return recipients;
    }

    private static Command Refused(string name)
    {
        var rest = new Argument<string[]>("ARGS") { Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(name, "Refused: the set is signed on the reviewers' console ('whistle-review team publish'), then installed here.") { rest };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse => AdminCli.Run(parse.GetValue(PortalCommandLine.Data), "recipients", [name]));
        return command;
    }

    private static Command Reviewer()
    {
        var reviewer = new Command("reviewer", "Transfer-page accounts: add and reset print a one-time password and a TOTP secret, once.");
        reviewer.Subcommands.Add(Sub("reviewer", "add", "Create an account.", "NAME"));
        reviewer.Subcommands.Add(Sub("reviewer", "list", "Name, created, last login day, state.", null));
        reviewer.Subcommands.Add(Sub("reviewer", "reset", "New one-time password and TOTP secret; ends the account's sessions.", "NAME"));
        reviewer.Subcommands.Add(Sub("reviewer", "remove", "Remove an account; ends its sessions.", "NAME"));
        return reviewer;
    }

    private static Command Export()
    {
        var output = new Option<string>("--out") { Description = "The new bundle file (must not exist).", HelpName = "FILE", Required = true };
        return Verb("export", "Write a submissions bundle of every item not yet exported.", parse => ["--out", Path.GetFullPath(parse.GetValue(output)!)], output);
    }

    private static Command FileVerb(string name, string argument, string description)
    {
        var file = new Argument<string>(argument);
        return Verb(name, description, parse => [Path.GetFullPath(parse.GetValue(file)!)], file);
    }

    private static Command Verb(string name, string description, Func<ParseResult, string[]> words, params Symbol[] symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            if (symbol is Option option)
            {
                command.Options.Add(option);
            }
            else
            {
                command.Arguments.Add((Argument)symbol);
            }
        }

        command.SetAction(parse => AdminCli.Run(parse.GetValue(PortalCommandLine.Data), name, words(parse)));
        return command;
    }

    // A subcommand of recipients or reviewer: its name, then its one argument if it has one.
    private static Command Sub(string parent, string name, string description, string? argument)
    {
        var command = new Command(name, description);
        Argument<string>? value = argument is null ? null : new Argument<string>(argument);
        if (value is not null)
        {
            command.Arguments.Add(value);
        }

        command.SetAction(parse => AdminCli.Run(parse.GetValue(PortalCommandLine.Data), parent,
            value is null ? [name] : [name, parse.GetValue(value)!]));
        return command;
    }
}
