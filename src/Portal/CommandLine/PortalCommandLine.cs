using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using WhistleSubmit.Portal.Admin;

namespace WhistleSubmit.Portal.CommandLine;

/// <summary>
/// whistle-portal's command line. With no verb it serves; a verb (recipients, export, import-replies, confirm, status,
/// reviewer) runs instead of the server. Anything not recognised is refused before any file is touched: a typo must
/// never start a portal (in demo mode, with a key on the server) or write into the working directory.
/// </summary>
public static class PortalCommandLine
{
    public const string ProgramName = "whistle-portal";

    /// <summary>Exit code of a command line that was not understood (the server's own startup errors also use 2).</summary>
    public const int UsageError = 2;

    public static Option<string?> Data { get; } = new("--data")
    {
        Description = "The data directory (store, keys, team.pub, recipients.signed.json). Default: $Portal__DataDirectory, else ./data.",
        HelpName = "DIR",
        Recursive = true,
    };

    // A value is required: "--production" alone must not silently mean anything, and the service passes "true".
    private static readonly Option<bool?> Production = new("--production")
    {
        Description = "true: refuse to start without team.pub and a signed recipient set that verifies under it (no demo key on the server). Default: false.",
        HelpName = "true|false",
        Arity = ArgumentArity.ExactlyOne,
    };

    private static readonly Option<int?> Port = new("--port")
    {
        Description = "The source side's port on 127.0.0.1. Default: 5080.",
        HelpName = "PORT",
    };

    private static readonly Option<int?> TransferPort = new("--transfer-port")
    {
        Description = "The reviewers' transfer listener's port on 127.0.0.1. Default: 5081.",
        HelpName = "PORT",
    };

    /// <summary>Parses <paramref name="args"/>; serving calls <paramref name="serve"/> with the options as ASP.NET configuration arguments.</summary>
    public static int Run(string[] args, Func<string[], int> serve)
    {
        // --key=value settings go to the server unparsed, once checked (HostSettings); the parsed options come after
        // them, so --production true is never overridden by a setting later on the line.
        string[] hostSettings = [.. args.Where(HostSettings.IsSetting)];
        if (hostSettings.Select(HostSettings.Refusal).FirstOrDefault(r => r is not null) is { } refusal)
        {
            ParseErrors.Report(refusal);
            return UsageError;
        }

        RootCommand root = CreateRoot(rest => serve([.. hostSettings, .. rest]));
        // No @response-file expansion: "@x" is a file name.
        ParseResult result = root.Parse([.. args.Where(a => !HostSettings.IsSetting(a))], new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is ParseErrorAction)
        {
            ParseErrors.Report(result);
            return UsageError;
        }

        // A verb reads its own options only: a server setting beside it would be silently ignored.
        if (hostSettings.Length > 0 && result.CommandResult.Command != root)
        {
            ParseErrors.Report($"'{hostSettings[0]}' is a server setting; a verb does not take it");
            return UsageError;
        }

        return result.Invoke();
    }

    internal static RootCommand CreateRoot(Func<string[], int> serve)
    {
        var root = new RootCommand("""
            WhistleSubmit portal: the source side on 127.0.0.1:5080 and the reviewers' transfer listener on :5081.

            Without a verb it serves. A verb runs instead, through the running portal's admin socket when one runs.

            Exit status:
              0  success (also when there was nothing to do)
              1  a verb failed, explained after "whistle-portal: error:"
              2  the command line was not understood, or the server refused to start
            """)
        {
            Data,
            Production,
            Port,
            TransferPort,
        };
        foreach (var verb in AdminVerbs.Create())
        {
            root.Subcommands.Add(verb);
        }

        var help = new Command("help", "Show this help.");
        help.SetAction(_ => root.Parse(["--help"]).Invoke());
        root.Subcommands.Add(help);
        root.SetAction(parse => serve(ServerArguments(parse)));
        return root;
    }

    // The parsed options in the form ASP.NET's command-line configuration reads (PortalConfigurationExtensions).
    private static string[] ServerArguments(ParseResult parse)
    {
        var args = new List<string>();
        if (parse.GetValue(Data) is { } data)
        {
            args.AddRange(["--data", data]);
        }

        if (parse.GetValue(Production) is { } production)
        {
            args.AddRange(["--production", production ? "true" : "false"]);
        }

        if (parse.GetValue(Port) is { } port)
        {
            args.AddRange(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (parse.GetValue(TransferPort) is { } transferPort)
        {
            args.AddRange(["--transfer-port", transferPort.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return [.. args];
    }
}
