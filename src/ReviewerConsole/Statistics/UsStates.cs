namespace WhistleSubmit.ReviewerConsole.Statistics;

/// <summary>
/// The state rows: every state, DC and the inhabited territories, always all listed, so a row's presence says nothing
/// (a list of only the states reported from would reveal that someone reported from each).
/// </summary>
internal static class UsStates
{
    public const string Other = "other";
    public const string Unknown = "unknown";

    public static IReadOnlyList<string> Codes { get; } =
    [
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME",
        "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI",
        "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI",
    ];

    /// <summary>The row a report's state answer counts in: its code, "other" for any other two letters, "unknown" when not given.</summary>
    public static string Row(string? state) =>
        state is null ? Unknown : Codes.Contains(state, StringComparer.Ordinal) ? state : Other;
}
