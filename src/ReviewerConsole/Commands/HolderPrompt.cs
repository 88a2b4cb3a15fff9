using System.CommandLine;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault.Sharing;

namespace WhistleSubmit.ReviewerConsole.Commands;

/// <summary>
/// The holders of a shared vault joining at the console, one after another: each gives their name (or all are named
/// up front with --holders A,B or $WHISTLE_REVIEW_HOLDERS) and types their passphrase at the prompt. Scripts and
/// tests give the n-th holder's passphrase in the file named by WHISTLE_REVIEW_PASSPHRASE_FILE (first),
/// WHISTLE_REVIEW_PASSPHRASE_FILE_2, _3, …
/// </summary>
internal sealed class HolderPrompt(IReadOnlyList<string>? givenNames) : IHolderInput
{
    public const string HoldersVariable = "WHISTLE_REVIEW_HOLDERS";

    private const int MaxNameLength = 64;

    public static Option<string?> Holders { get; } = new("--holders")
    {
        Description = $"In a shared vault, the holders who join, in order: A,B (default ${HoldersVariable}, else each is asked).",
        HelpName = "A,B",
        Recursive = true,
    };

    public IReadOnlyList<string>? GivenNames { get; } = givenNames;

    public static HolderPrompt From(ParseResult parse) =>
        new(Split(parse.GetValue(Holders) is { Length: > 0 } option ? option : Environment.GetEnvironmentVariable(HoldersVariable)));

    /// <summary>"a,b , c" → [a, b, c]; null for nothing given.</summary>
    public static IReadOnlyList<string>? Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? null : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public string ReadName(int turn, int needed, IReadOnlyList<string> choices)
    {
        string prompt = $"Share holder {turn} of {needed} ({string.Join(", ", choices)}), your name:";
        string? line;
        if (!Console.IsInputRedirected)
        {
            Console.Error.Write(prompt + " ");
            line = Console.ReadLine();
        }
        else
        {
            // Standard input carries data: ask on the terminal, as for passphrases (echo is off there; a name is no secret).
            byte[] bytes = ControllingTerminal.TryReadSecret(prompt) ?? throw new CliException(
                "this vault is shared, and there is no terminal for its holders to join on",
                $"name them with --holders A,B and give their passphrase files in {PassphrasePrompt.FileVariableOf(1)}, {PassphrasePrompt.FileVariableOf(2)}, …");
            line = System.Text.Encoding.UTF8.GetString(bytes);
        }

        if (line is null)
        {
            throw new CliException("no holder's name was entered");
        }

        line = line.Trim();
        return line.Length <= MaxNameLength ? line : line[..MaxNameLength];
    }

    public byte[] ReadPassphrase(int turn, string holder) =>
        PassphrasePrompt.Read($"Passphrase of {holder}:", PassphrasePrompt.FileVariableOf(turn));

    public byte[] ReadNewPassphrase(int turn, string holder, Action<byte[]> check) =>
        PassphrasePrompt.ReadNew(check, PassphrasePrompt.FileVariableOf(turn), $"New passphrase of {holder}:", $"Confirm the passphrase of {holder}:");
}
