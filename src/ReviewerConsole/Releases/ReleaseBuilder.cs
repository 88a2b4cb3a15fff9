using System.Globalization;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Register;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// Builds the next release from the register and the releases before it. Source-derived incidents are counted in
/// one-way tables (month since 2017, category, state, facility type, force, injuries, deaths, citizens detained,
/// verification level), each suppressed by <see cref="Suppression"/> and, across releases, by <see cref="ReleaseSafety"/>.
/// </summary>
internal static partial class ReleaseBuilder
{
    public const int FirstYear = 2017;
    public const string Earlier = "before-2017";

    internal sealed record Table(string Name, string Description, Func<IncidentRecord, string> Key, IReadOnlyList<string> Universe);

    public static ReleaseContent Build(IReadOnlyList<IncidentRecord> incidents, IReadOnlyList<ReleaseRecord> earlier, string? month = null)
    {
        if (incidents.Count == 0)
        {
            throw new CliException("the register is empty; there is nothing to publish", "add incidents with 'whistle-review incident create' or 'incident import --csv'");
        }

        int number = earlier.Count == 0 ? 1 : earlier.Max(r => r.Number) + 1;
        string asOf = AsOf(incidents, earlier, month);
        List<IncidentRecord> source = [.. incidents.Where(i => !i.IsPublicRecord)];
        List<IncidentRecord> publicRecords = [.. incidents.Where(i => i.IsPublicRecord).OrderBy(i => i.Month, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)];
        int total = source.Count;

        var display = new List<StatsTable>();
        var published = new List<PublishedTable>();
        var conflicts = new List<(string Table, ReleaseSafety.Conflict Conflict)>();
        foreach (Table table in Tables(asOf))
        {
            if (table.Name == "category")
            {
                var cells = new List<StatsCell>();
                foreach (string category in table.Universe)
                {
                    int with = source.Count(i => i.Categories.Contains(category, StringComparer.Ordinal));
                    string name = "category/" + category;
                    IReadOnlyList<StatsCell> pair = Safe(name, [("with", with), ("without", total - with)], total, earlier, published, conflicts);
                    cells.Add(new StatsCell(category, with, pair[0].Suppressed));
                }

                display.Add(new StatsTable(table.Name, table.Description, false, cells));
                continue;
            }

            var counts = source.GroupBy(table.Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            List<(string, int)> rows = [.. table.Universe.Select(v => (v, counts.GetValueOrDefault(v)))];
            display.Add(new StatsTable(table.Name, table.Description, true, Safe(table.Name, rows, total, earlier, published, conflicts)));
        }

        var dataset = new IncidentDataset(asOf, new StatsCell("all", total, Suppression.Total(total)), display);
        var record = new ReleaseRecord(number, asOf, string.Empty, string.Empty, Suppression.Total(total) ? null : total, published);
        int? carried = null;
        if (conflicts.Count > 0)
        {
            // Refusing would itself tell whoever watches the releases that a small change happened: the latest release's
            // source-derived counts are carried forward unchanged instead, and the rest is published.
            ReleaseRecord previous = earlier.MaxBy(r => r.Number)!;
            carried = previous.Number;
            (dataset, record) = CarryForward(previous, number, asOf);
        }

        return new ReleaseContent(number, asOf, publicRecords, dataset, PublicCounts(publicRecords, asOf), record, CountsSince(record, earlier), carried);
    }

    /// <summary>
    /// The release's month: the month the reviewers chose (<c>--as-of</c>), else the latest month any incident happened
    /// or an earlier release was dated. Never when anything was recorded or changed (auditor finding: the month of the
    /// register's last change told a reader when source-derived work last happened). Every incident's month is at most
    /// the release's month, so the month table holds them all, and releases never go back in time.
    /// </summary>
    public static string AsOf(IReadOnlyList<IncidentRecord> incidents, IReadOnlyList<ReleaseRecord> earlier, string? month)
    {
        string latest = incidents.Select(i => i.Month).Concat(earlier.Select(r => r.AsOf)).Order(StringComparer.Ordinal).Last();
        if (month is null)
        {
            return latest;
        }

        if (month.Length != 7 || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new CliException("--as-of must be a month written yyyy-mm, e.g. 2026-12");
        }

        if (string.CompareOrdinal(month, latest) < 0)
        {
            throw new CliException($"--as-of {month} is earlier than an incident in the register or an earlier release (the latest is {latest}); nothing was written",
                $"give --as-of {latest} or later (this month, usually)");
        }

        return month;
    }

    /// <summary>The tables, in the order they are published. Rows are always all listed, so a row's presence says nothing.</summary>
    public static IReadOnlyList<Table> Tables(string asOf) =>
    [
        new("month", $"source-derived incidents by the month they happened, from {FirstYear} ({Earlier}: any earlier month)", i => MonthRow(i.Month), Months(asOf)),
        new("category", "source-derived incidents in each category (an incident may be in several, so rows do not add up to the total)", i => string.Empty, Documents.AllCategoryIds),
        new("state", "source-derived incidents by state or territory", i => i.State ?? UsStates.Unknown, [.. UsStates.Codes, UsStates.Unknown]),
        new("facility", "source-derived incidents by type of place", i => i.Facility, IncidentFields.Facilities),
        new("force", "source-derived incidents by whether force was used", i => i.Force, IncidentFields.Answers),
        new("injury", "source-derived incidents by whether anyone was injured", i => Flag(i.Injuries), IncidentFields.Answers),
        new("death", "source-derived incidents by whether anyone died", i => Flag(i.Deaths), IncidentFields.Answers),
        new("citizens-detained", "source-derived incidents by whether U.S. citizens or LPRs were detained", i => i.CitizensDetained, IncidentFields.Answers),
        new("verification", "source-derived incidents by verification level", i => i.Verification, IncidentFields.Levels),
    ];

    public static string Flag(int? count) => count switch { null => IncidentFields.Unknown, > 0 => IncidentFields.Yes, _ => IncidentFields.No };

    public static string MonthRow(string month) => string.CompareOrdinal(month, $"{FirstYear}-01") < 0 ? Earlier : month;

    /// <summary>Every month from January 2017 to the release's month, after the row for earlier months.</summary>
    public static IReadOnlyList<string> Months(string asOf)
    {
        var months = new List<string> { Earlier };
        var last = DateOnly.ParseExact(asOf + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var m = new DateOnly(FirstYear, 1, 1); m <= last; m = m.AddMonths(1))
        {
            months.Add(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        return months;
    }

    private static IReadOnlyList<StatsCell> Safe(string name, List<(string, int)> rows, int total, IReadOnlyList<ReleaseRecord> earlier,
        List<PublishedTable> published, List<(string, ReleaseSafety.Conflict)> conflicts)
    {
        var views = earlier
            .Select(r => (r.Number, Table: r.Tables.FirstOrDefault(t => t.Name == name), r.Total))
            .Where(e => e.Table is not null)
            .Select(e => (e.Number, ReleaseSafety.View.Of(e.Table!, e.Total)))
            .ToList();
        (IReadOnlyList<StatsCell> cells, ReleaseSafety.Conflict? refused) = ReleaseSafety.SafeCells(rows, total, views);
        if (refused is not null)
        {
            conflicts.Add((name, refused));
        }

        published.Add(new PublishedTable(name, [.. cells.Select(c => new PublishedCell(c.Value, c.Suppressed || Suppression.Total(total) ? null : c.Count))]));
        return cells;
    }

    private static IReadOnlyList<StatsTable> PublicCounts(List<IncidentRecord> records, string asOf) =>
    [
        .. Tables(asOf).Select(t => new StatsTable(t.Name, t.Description, t.Name != "category", t.Name == "category"
            ? [.. t.Universe.Select(c => new StatsCell(c, records.Count(i => i.Categories.Contains(c, StringComparer.Ordinal)), false))]
            : [.. t.Universe.Select(v => new StatsCell(v, records.Count(i => t.Key(i) == v), false))])),
    ];
}
