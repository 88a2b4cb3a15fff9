using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>Account names: 2–32 characters, lower-case ASCII letters, digits, dot, dash, underscore; starting with a letter.</summary>
public static partial class ReviewerNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    /// <summary>What a login form's name field is compared as: trimmed and lower-cased.</summary>
    public static string Normalise(string? typed) => (typed ?? string.Empty).Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z][a-z0-9._-]{1,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
