using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// Suppression across the sequence of releases (docs/CONSOLE.md#releases). Each source-derived table is
/// a partition of the incidents (a category is the two-row table "with it" / "without it"). From one release a reader
/// knows exactly: the total, each published row, each row missing from the table (0), and the suppressed rows
/// together (total minus the published rows; each of them, when that is 0). Comparing two releases, the change in a
/// set of rows is known exactly when the set's count is known in both; those sets are the unions of the components
/// this class computes. The rule: no such change may be 1 to 4 (either way). A table that would break it gets more
/// rows suppressed, until it holds or nothing is left to suppress: then the release is refused.
/// </summary>
internal static class ReleaseSafety
{
    /// <summary>What one release tells a reader about one table.</summary>
    internal sealed record View(int? Total, IReadOnlyDictionary<string, int?> Cells)
    {
        public static View Of(PublishedTable table, int? total) =>
            new(total, table.Cells.ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal));

        public static View Of(IReadOnlyList<StatsCell> cells, int total) =>
            new(Suppression.Total(total) ? null : total, cells.ToDictionary(c => c.Value, c => c.Suppressed ? (int?)null : c.Count, StringComparer.Ordinal));

        /// <summary>The suppressed rows' sum, known once the total is.</summary>
        public int GroupSum => Total!.Value - Cells.Values.Sum(c => c ?? 0);

        /// <summary>The row's count if a reader knows it exactly, else null (it is in the suppressed group).</summary>
        public int? Known(string row) =>
            !Cells.TryGetValue(row, out int? count) ? 0 : count ?? (GroupSum == 0 ? 0 : null);
    }

    /// <summary>A set of rows whose count is known in both releases and changed by 1 to 4.</summary>
    internal sealed record Conflict(int EarlierRelease, IReadOnlyList<string> Rows, int Change);

    /// <summary>
    /// The table's cells, suppressed as <see cref="Suppression.Partition"/> does and further where needed against
    /// every earlier release; or the conflict that no suppression can remove.
    /// </summary>
    public static (IReadOnlyList<StatsCell> Cells, Conflict? Refused) SafeCells(
        IReadOnlyList<(string Value, int Count)> rows, int total, IReadOnlyList<(int Number, View View)> earlier)
    {
        var forced = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            IReadOnlyList<StatsCell> cells = Suppression.Partition(rows, total, forced);
            View next = View.Of(cells, total);
            Conflict? conflict = earlier.Select(e => Check(e.Number, e.View, next)).FirstOrDefault(c => c is not null);
            if (conflict is null)
            {
                return (cells, null);
            }

            // Suppress the conflicting rows a reader knows in the new release; if there are none (they are known
            // zeros of an all-zero suppressed group), the smallest published row, which ends the zeros being known.
            var published = cells.Where(c => !c.Suppressed).ToList();
            var fix = published.Where(c => conflict.Rows.Contains(c.Value, StringComparer.Ordinal)).Select(c => c.Value).ToList();
            if (fix.Count == 0 && published.Count > 0)
            {
                fix.Add(published.MinBy(c => c.Count)!.Value);
            }

            if (fix.Count == 0)
            {
                return (cells, conflict);
            }

            forced.UnionWith(fix);
        }
    }

    /// <summary>The first set of rows whose change between the two releases is known and 1 to 4, or null.</summary>
    public static Conflict? Check(int earlierNumber, View earlier, View next)
    {
        if (earlier.Total is null || next.Total is null)
        {
            return null;
        }

        List<string> rows = [.. earlier.Cells.Keys.Union(next.Cells.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var parent = rows.ToDictionary(r => r, r => r, StringComparer.Ordinal);
        string Find(string r) => parent[r] == r ? r : parent[r] = Find(parent[r]);
        void Join(View view)
        {
            string? first = null;
            foreach (string row in rows.Where(r => view.Known(r) is null))
            {
                first ??= row;
                parent[Find(row)] = Find(first);
            }
        }

        Join(earlier);
        Join(next);
        var components = rows.GroupBy(Find).Select(g => (Rows: g.ToList(), Change: Sum(next, g) - Sum(earlier, g))).Where(c => c.Change != 0).ToList();
        List<int>? subset = SmallSubset(components.Select(c => c.Change).ToList());
        return subset is null ? null
            : new Conflict(earlierNumber, [.. subset.SelectMany(i => components[i].Rows)], subset.Sum(i => components[i].Change));
    }

    // The component's count in one release: its known rows, plus the suppressed group's sum if it holds the group.
    private static int Sum(View view, IEnumerable<string> component)
    {
        bool group = false;
        int sum = 0;
        foreach (string row in component)
        {
            if (view.Known(row) is { } known)
            {
                sum += known;
            }
            else
            {
                group = true;
            }
        }

        return sum + (group ? view.GroupSum : 0);
    }

    /// <summary>Indices of a subset whose sum is 1 to 4 or -4 to -1, or null: every union of components is a set a reader knows.</summary>
    private static List<int>? SmallSubset(List<int> changes)
    {
        var reachable = new Dictionary<int, List<int>> { [0] = [] };
        for (int i = 0; i < changes.Count; i++)
        {
            foreach ((int sum, List<int> members) in reachable.ToList())
            {
                int next = sum + changes[i];
                if (!reachable.ContainsKey(next))
                {
                    reachable[next] = [.. members, i];
                    if (Math.Abs(next) is >= 1 and < Suppression.MinimumCount)
                    {
                        return reachable[next];
                    }
                }
            }
        }

        return null;
    }
}
