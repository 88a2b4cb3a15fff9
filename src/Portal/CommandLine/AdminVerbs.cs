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
        var recipients = new Command("recipients", "The reviewers' age keys (post-quantum only), in <data>/recipients.txt. Restart the portal after a change.");
        var key = new Argument<string>("RECIPIENT") { Description = "An age1pq1… recipient." };
        var name = new Option<string?>("--name") { Description = "A name to show in 'recipients list'.", HelpName = "NAME" };
        var add = new Command("add", "Add a recipient.") { key, name };
        add.SetAction(parse => AdminCli.Run(parse.GetValue(PortalCommandLine.Data), "recipients",
            parse.GetValue(name) is { } n ? ["add", parse.GetValue(key)!, "--name", n] : ["add", parse.GetValue(key)!]));
        recipients.Subcommands.Add(add);
        recipients.Subcommands.Add(Sub("recipients", "list", "List the recipients.", null));
        recipients.Subcommands.Add(Sub("recipients", "remove", "Remove a recipient.", "RECIPIENT"));
        return recipients;
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
