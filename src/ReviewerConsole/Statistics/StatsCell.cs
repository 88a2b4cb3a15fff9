namespace WhistleSubmit.ReviewerConsole.Statistics;

/// <summary>One published cell: its label and count, or suppressed (the count is then never written anywhere).</summary>
internal sealed record StatsCell(string Value, int Count, bool Suppressed);
