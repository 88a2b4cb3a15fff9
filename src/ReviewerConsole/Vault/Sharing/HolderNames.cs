using System.Text.RegularExpressions;

namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>A holder's name: the same rule as a key name (1 to 32 of a-z, 0-9, '-', '_'), so it is safe in prompts and logs.</summary>
internal static partial class HolderNames
{
    public const string Rule = "a holder's name is 1 to 32 lower-case letters, digits, '-' or '_', starting with a letter or digit";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
