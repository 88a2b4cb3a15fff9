namespace WhistleSubmit.ReviewerConsole.Records;

/// <summary>Text forms of <see cref="CaseStatus"/>: the stored and typed names.</summary>
internal static class CaseStatuses
{
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<CaseStatus>().Select(Name)];

    public static string Name(CaseStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out CaseStatus status)
    {
        foreach (CaseStatus candidate in Enum.GetValues<CaseStatus>())
        {
            if (string.Equals(Name(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
