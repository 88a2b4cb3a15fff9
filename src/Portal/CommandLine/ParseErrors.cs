using System.CommandLine;
using System.CommandLine.Parsing;

namespace WhistleSubmit.Portal.CommandLine;

/// <summary>age style: "error:" lines, then one hint naming the nearest verb or option and the --help to run.</summary>
internal static class ParseErrors
{
    public static void Report(ParseResult result)
    {
        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"{PortalCommandLine.ProgramName}: error: {error.Message}");
        }

        string path = CommandPath(result.CommandResult);
        string? nearest = result.UnmatchedTokens.Select(t => Nearest(t, result.CommandResult.Command)).FirstOrDefault(n => n is not null);
        Console.Error.WriteLine(nearest is null
            ? $"{PortalCommandLine.ProgramName}: hint: run '{path} --help' for usage"
            : $"{PortalCommandLine.ProgramName}: hint: did you mean '{nearest}'? run '{path} --help' for usage");
    }

    /// <summary>A refusal found before parsing (a --key=value setting).</summary>
    public static void Report(string error)
    {
        Console.Error.WriteLine($"{PortalCommandLine.ProgramName}: error: {error}");
        Console.Error.WriteLine($"{PortalCommandLine.ProgramName}: hint: settings are --Section:Name=value, as in appsettings.json; run '{PortalCommandLine.ProgramName} --help' for the options");
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? current = command; current is CommandResult c; current = c.Parent)
        {
            names.Insert(0, c.Parent is null ? PortalCommandLine.ProgramName : c.Command.Name);
        }

        return string.Join(' ', names);
    }

    // The closest verb (or option, for a token starting with '-') within a third of its length, at least 2 edits.
    private static string? Nearest(string token, Command command)
    {
        IEnumerable<string> names = token.StartsWith('-')
            ? command.Options.Where(o => !o.Hidden).Select(o => o.Name).Append(PortalCommandLine.Data.Name)
            : command.Subcommands.Select(c => c.Name);
        int limit = Math.Max(2, token.Length / 3);
        return names.Distinct()
            .Select(name => (name, distance: Distance(token, name)))
            .Where(c => c.distance <= limit && c.distance > 0)
            .OrderBy(c => c.distance)
            .Select(c => c.name)
            .FirstOrDefault();
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
