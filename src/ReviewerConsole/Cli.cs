using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using WhistleSubmit.ReviewerConsole.Commands.Age;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole;

/// <summary>Entry point shared by Program and the in-process tests. The verbs are built in Commands/.</summary>
internal static class Cli
{
    public static int Run(string[] args)
    {
        RootCommand root = CreateRoot();
        // No @response-file expansion: a file named "@x" is a file name, as it is for age.
        ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is ParseErrorAction)
        {
            ReportParseErrors(result);
            return ErrorReporter.Failure;
        }

        return result.Invoke();
    }

    internal static RootCommand CreateRoot() => new("""
        WhistleSubmit reviewer console: works offline, on the reviewer's own machine.

        Exit status: 0 on success, 1 on any error (explained on the error output, starting with
        "whistle-review: error:").
        """)
    {
        AgeCommand.Create(),
    };

    // age style: "error:" lines and a pointer to --help, rather than the whole help text after every typo.
    private static void ReportParseErrors(ParseResult result)
    {
        for (int i = 0; i < result.Errors.Count; i++)
        {
            string? hint = i == result.Errors.Count - 1 ? $"run '{CommandPath(result.CommandResult)} --help' for usage" : null;
            ErrorReporter.Error(result.Errors[i].Message, hint);
        }
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
