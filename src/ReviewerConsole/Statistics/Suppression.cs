namespace WhistleSubmit.ReviewerConsole.Statistics;

/// <summary>
/// Small-cell suppression (Statistics/README.md). Every count below <see cref="MinimumCount"/>, zero included, is
/// suppressed (primary). In a partition table whose rows add up to the published total, the suppressed rows' sum is
/// the total minus the published rows, so more rows are suppressed (complementary), smallest first, until that
/// recoverable sum is 0 or at least <see cref="MinimumCount"/> and no row is suppressed alone. A row of a non-partition
/// table is a two-cell table of its own (reports with the value, reports without it = total minus the row), so it is
/// suppressed when either side is below the minimum.
/// </summary>
internal static class Suppression
{
    public const int MinimumCount = 5;

    public static bool Total(int total) => total < MinimumCount;

    /// <param name="rows">The table's rows in order.</param>
    /// <param name="total">What they add up to.</param>
    /// <param name="forced">Rows to suppress whatever their count (a release suppresses more to stay safe across releases).</param>
    public static IReadOnlyList<StatsCell> Partition(IReadOnlyList<(string Value, int Count)> rows, int total, IReadOnlySet<string>? forced = null)
    {
        if (rows.Sum(r => r.Count) != total)
        {
            throw new ArgumentException("A partition's rows must add up to its total.", nameof(rows));
        }

        var suppressed = new bool[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            suppressed[i] = Total(total) || rows[i].Count < MinimumCount || (forced?.Contains(rows[i].Value) ?? false);
        }

        while (true)
        {
            int count = suppressed.Count(s => s);
            int sum = rows.Where((_, i) => suppressed[i]).Sum(r => r.Count);
            bool recoverable = count == 1 || (sum > 0 && sum < MinimumCount);
            int next = Smallest(rows, suppressed);
            if (!recoverable || next < 0)
            {
                break;
            }

            suppressed[next] = true;
        }

        return [.. rows.Select((r, i) => new StatsCell(r.Value, r.Count, suppressed[i]))];
    }

    public static StatsCell Row(string value, int count, int total, bool forced = false) =>
        new(value, count, forced || Total(total) || count < MinimumCount || total - count < MinimumCount);

    private static int Smallest(IReadOnlyList<(string Value, int Count)> rows, bool[] suppressed)
    {
        int best = -1;
        for (int i = 0; i < rows.Count; i++)
        {
            if (!suppressed[i] && (best < 0 || rows[i].Count < rows[best].Count))
            {
                best = i;
            }
        }

        return best;
    }
}
