using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands;

/// <summary>
/// The global options of the vault verbs, --data DIR and --as NAME, and opening the vault they name. Defined once on
/// the root command (recursive), so every verb accepts them in any position.
/// </summary>
internal static class VaultOptions
{
    public const string ActorVariable = "WHISTLE_REVIEW_AS";

    private const int MaxActorLength = 64;

    public static Option<string?> Data { get; } = new("--data")
    {
        Description = "The vault directory. Default: $XDG_DATA_HOME/whistle-review or ~/.local/share/whistle-review.",
        HelpName = "DIR",
        Recursive = true,
    };

    public static Option<string?> As { get; } = new("--as")
    {
        Description = $"Your name in the audit log. Default: ${ActorVariable}, else your login name.",
        HelpName = "NAME",
        Recursive = true,
    };

    public static string Root(ParseResult parse) => parse.GetValue(Data) is { Length: > 0 } dir ? dir : VaultPaths.DefaultRoot();

    public static string Actor(ParseResult parse)
    {
        string actor = parse.GetValue(As) is { Length: > 0 } given ? given
            : Environment.GetEnvironmentVariable(ActorVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : Environment.UserName;
        actor = actor.Trim();
        if (actor.Length is 0 or > MaxActorLength || actor.Any(char.IsControl))
        {
            throw new CliException($"the name for the audit log must be 1 to {MaxActorLength} printable characters",
                $"give it with --as NAME or ${ActorVariable}");
        }

        return actor;
    }

    /// <summary>
    /// "whistle-review", with the --data DIR given on this command line (quoted if needed), for hints that name the
    /// next command: without it, the next command would open the default vault instead.
    /// </summary>
    public static string Program(ParseResult parse) =>
        parse.GetValue(Data) is { Length: > 0 } dir ? $"{ErrorReporter.ProgramName} --data {Quote(dir)}" : ErrorReporter.ProgramName;

    private static string Quote(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c)) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>
    /// Opens the vault named on the command line, asking for its passphrase, or in a shared vault for k holders'
    /// names and passphrases in turn (<see cref="HolderPrompt"/>).
    /// </summary>
    public static VaultSession Open(ParseResult parse) =>
        VaultService.Open(Root(parse), () => PassphrasePrompt.Read("Vault passphrase:"), HolderPrompt.From(parse), Actor(parse), TimeProvider.System);
}
