namespace WhistleSubmit.ReviewerConsole.Statistics;

/// <summary>
/// One table of the dataset. A <see cref="Partition"/> table puts every report in exactly one row, so its rows add up
/// to the total; otherwise (categories) a report may count in several rows and each row stands alone.
/// </summary>
internal sealed record StatsTable(string Name, string Description, bool Partition, IReadOnlyList<StatsCell> Cells);
