using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using WhistleSubmit.ReviewerConsole.Commands;
using WhistleSubmit.ReviewerConsole.Commands.Age;
using WhistleSubmit.ReviewerConsole.Commands.Audit;
using WhistleSubmit.ReviewerConsole.Commands.Cases;
using WhistleSubmit.ReviewerConsole.Commands.Exports;
using WhistleSubmit.ReviewerConsole.Commands.Import;
using WhistleSubmit.ReviewerConsole.Commands.Register;
using WhistleSubmit.ReviewerConsole.Commands.Releases;
using WhistleSubmit.ReviewerConsole.Commands.Retention;
using WhistleSubmit.ReviewerConsole.Commands.Tui;
using WhistleSubmit.ReviewerConsole.Commands.Vault;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole;

/// <summary>Entry point shared by Program and the in-process tests. The verbs are built in Commands/.</summary>
internal static class Cli
{
    public static int Run(string[] args)
    {
        RootCommand root = CreateRoot();
        // No @response-file expansion: a file named "@x" is a file name, as it is for age.
        ParseResult result = root.Parse(AgeModeFlags.Rewrite(args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is ParseErrorAction)
        {
            ReportParseErrors(result);
            return ErrorReporter.Failure;
        }

        return result.Invoke();
    }

    internal static RootCommand CreateRoot() => new("""
        WhistleSubmit reviewer console: works offline, on the reviewer's own machine.

        Start with 'init' (creates the vault), then 'keygen --name NAME', then 'import FILE.wsbundle'.

        Exit status:
          0  success (also when there was nothing to do, e.g. no replies to export)
          1  an error, explained on the error output after "whistle-review: error:"
          2  wrong vault passphrase
          3  the vault failed an integrity check: its files were modified or damaged, or the audit
             log's chain is broken ('audit verify')
        The age verbs exit 1 on every error, as age does.
        """)
    {
        VaultOptions.Data,
        VaultOptions.As,
        HolderPrompt.Holders,
        InitCommand.Create(),
        VaultKeygenCommand.Create(),
        KeysCommand.Create(),
        HoldersCommand.Create(),
        HoldersCommand.Emergency(),
        TeamCommand.Create(),
        ImportCommand.Create(),
        ListCommand.Create(),
        ShowCommand.Create(),
        TriageCommand.Create(),
        NoteCommand.Create(),
        RedactCommand.Create(),
        FilesCommand.Create(),
        RetentionCommand.Create(),
        HoldCommand.Hold(),
        HoldCommand.Release(),
        DestroyCommand.Create(),
        ReplyCommand.Create(),
        StatusCommand.Create(),
        AskConsentCommand.Create(),
        ExportRepliesCommand.Create(),
        AuditCommand.Create(),
        CaseExportCommand.Create(),
        StatsCommand.Create(),
        IncidentCommand.Create(),
        PublishCommand.Create(),
        PublishCommand.Verify(),
        TuiCommand.Create(),
        AgeCommand.Create(),
    };

    // age style: "error:" lines and a pointer to --help, rather than the whole help text after every typo.
    private static void ReportParseErrors(ParseResult result)
    {
        // A mistyped verb would otherwise be reported as "Required command was not provided".
        if (result.CommandResult.Command is RootCommand root && result.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-')) is { } verb)
        {
            string? nearest = Nearest(verb, root.Subcommands.Select(c => c.Name));
            ErrorReporter.Error($"unknown verb \"{TerminalText.Line(verb, 40)}\"", (nearest is null ? string.Empty : $"did you mean '{nearest}'? ")
                + $"'{ErrorReporter.ProgramName} --help' lists the verbs");
            return;
        }

        for (int i = 0; i < result.Errors.Count; i++)
        {
            string? hint = i == result.Errors.Count - 1 ? $"run '{CommandPath(result.CommandResult)} --help' for usage" : null;
            ErrorReporter.Error(result.Errors[i].Message, hint);
        }
    }

    // The verb within two edits (insert, delete, substitute, or swap two neighbours) of the typed word, if any.
    internal static string? Nearest(string typed, IEnumerable<string> verbs) =>
        verbs.Select(v => (Verb: v, Distance: Distance(typed.ToLowerInvariant(), v)))
            .Where(c => c.Distance <= Math.Min(2, Math.Max(1, c.Verb.Length / 3)))
            .OrderBy(c => c.Distance).Select(c => c.Verb).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? current = command; current is CommandResult c; current = c.Parent)
        {
            names.Insert(0, c.Parent is null ? ErrorReporter.ProgramName : c.Command.Name);
        }

        return string.Join(' ', names);
    }
}
