using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

internal static partial class ReleaseBuilder
{
    /// <summary>
    /// The previous release's source-derived counts, unchanged, in this release's tables. Rows it did not have (months
    /// after its month) are suppressed: a reader learns nothing beyond what that release said.
    /// </summary>
    private static (IncidentDataset Dataset, ReleaseRecord Record) CarryForward(ReleaseRecord previous, int number, string asOf)
    {
        var old = previous.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var display = new List<StatsTable>();
        var published = new List<PublishedTable>();
        foreach (Table table in Tables(asOf))
        {
            if (table.Name == "category")
            {
                var cells = new List<StatsCell>();
                foreach (string category in table.Universe)
                {
                    string name = "category/" + category;
                    int? with = Value(old.GetValueOrDefault(name), "with");
                    published.Add(new PublishedTable(name, [new PublishedCell("with", with), new PublishedCell("without", Value(old.GetValueOrDefault(name), "without"))]));
                    cells.Add(new StatsCell(category, with ?? 0, with is null));
                }

                display.Add(new StatsTable(table.Name, table.Description, false, cells));
                continue;
            }

            List<PublishedCell> rows = [.. table.Universe.Select(v => new PublishedCell(v, Value(old.GetValueOrDefault(table.Name), v)))];
            published.Add(new PublishedTable(table.Name, rows));
            display.Add(new StatsTable(table.Name, table.Description, true, [.. rows.Select(r => new StatsCell(r.Value, r.Count ?? 0, r.Count is null))]));
        }

        var dataset = new IncidentDataset(asOf, new StatsCell("all", previous.Total ?? 0, previous.Total is null), display);
        return (dataset, new ReleaseRecord(number, asOf, string.Empty, string.Empty, previous.Total, published));
    }

    /// <summary>
    /// The first release of the unbroken run, ending with this one, whose source-derived counts are these (rows a
    /// release did not have count as suppressed). Computed from published numbers only, so a carried-forward release
    /// and one where nothing changed read the same.
    /// </summary>
    private static int CountsSince(ReleaseRecord next, IReadOnlyList<ReleaseRecord> earlier)
    {
        int since = next.Number;
        foreach (ReleaseRecord release in earlier.OrderByDescending(r => r.Number))
        {
            if (!SameCounts(next, release))
            {
                break;
            }

            since = release.Number;
        }

        return since;
    }

    private static bool SameCounts(ReleaseRecord a, ReleaseRecord b)
    {
        var other = b.Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        return a.Total == b.Total && a.Tables.All(t => t.Cells.All(c => c.Count == Value(other.GetValueOrDefault(t.Name), c.Value)))
            && b.Tables.All(t => t.Cells.All(c => c.Count is null || a.Tables.Any(x => x.Name == t.Name && x.Cells.Any(y => y.Value == c.Value))));
    }

    private static int? Value(PublishedTable? table, string row) => table?.Cells.FirstOrDefault(c => c.Value == row)?.Count;
}
