namespace WhistleSubmit.ReviewerConsole.Statistics;

/// <summary>The anonymised dataset: the number of reports (or suppressed), the month it was made, and the tables.</summary>
internal sealed record IncidentDataset(string Generated, StatsCell Total, IReadOnlyList<StatsTable> Tables)
{
    public const string Unit = "reports: one per source (the first report of each case), cases marked spam excluded";

    public const string MonthBasis =
        "the month the incident began when the source gave a date, otherwise the month the portal's export bundle holding the report was made (receipt)";
}
