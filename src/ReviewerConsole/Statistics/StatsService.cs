using System.Globalization;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Statistics;

/// <summary>
/// Builds the public incident dataset (Statistics/README.md) from the vault: one report per non-spam case, counted by
/// month, category, force/injury/death and state, with small counts suppressed (<see cref="Suppression"/>). It reads
/// only structured answers: no free text, place, id or date finer than a month ever enters the dataset.
/// </summary>
internal static class StatsService
{
    /// <summary>Incidents more than this many years before the latest month share one "earlier" row, which bounds the table.</summary>
    public const int MonthYears = 20;

    public const string Earlier = "earlier";

    private sealed record Row(string Month, IReadOnlyList<string> Categories, string Force, string Injury, string Death, string State);

    public static IncidentDataset Build(VaultSession vault)
    {
        List<Row> rows = vault.Read(data =>
        {
            var nonSpam = data.AllCases()
                .Where(c => c.Status != CaseStatus.Spam).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            return data.Submissions()
                .Where(i => nonSpam.Contains(i.CaseId))
                .GroupBy(i => i.CaseId)
                .Select(g => ToRow(g.OrderBy(i => i.Sequence).First()))
                .ToList();
        });

        int total = rows.Count;
        (IReadOnlyList<string> months, int firstYear) = Months(rows);
        var tables = new List<StatsTable>
        {
            new("month", "reports by month (" + IncidentDataset.MonthBasis + ")", true,
                Suppression.Partition(Count(rows, r => MonthRow(r, firstYear), months), total)),
            new("category", "reports naming each category (a report may name several, so rows do not add up to the total)", false,
                [.. Documents.AllCategoryIds.Select(id => Suppression.Row(id, rows.Count(r => r.Categories.Contains(id)), total))]),
            new("force", "reports by whether force was used", true, Suppression.Partition(Count(rows, r => r.Force, Flags), total)),
            new("injury", "reports by whether anyone was injured", true, Suppression.Partition(Count(rows, r => r.Injury, Flags), total)),
            new("death", "reports by whether anyone died", true, Suppression.Partition(Count(rows, r => r.Death, Flags), total)),
            new("state", "reports by state or territory", true,
                Suppression.Partition(Count(rows, r => r.State, [.. UsStates.Codes, UsStates.Other, UsStates.Unknown]), total)),
        };
        string generated = vault.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new IncidentDataset(generated, new StatsCell("all", total, Suppression.Total(total)), tables);
    }

    private static readonly string[] Flags = ["yes", "no", "unknown"];

    private static Row ToRow(ItemRecord item)
    {
        ReportV1 r = Documents.Report(item);
        DateOnly day = r.When?.From ?? DateOnly.ParseExact(item.BundleCreated, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Row(
            day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            Documents.CategoryIds(r),
            r.Harm?.Force switch { Answer.Yes => "yes", Answer.No => "no", _ => "unknown" },
            Flag(r.Harm?.Injuries),
            Flag(r.Harm?.Deaths),
            UsStates.Row(r.Where?.State));
    }

    private static string Flag(int? count) => count switch { null => "unknown", > 0 => "yes", _ => "no" };

    /// <summary>
    /// Every month from January of the first year to December of the last, so that no row's presence or absence says
    /// anything; incidents more than <see cref="MonthYears"/> years before the last year share the "earlier" row.
    /// </summary>
    private static (IReadOnlyList<string> Months, int FirstYear) Months(List<Row> rows)
    {
        if (rows.Count == 0)
        {
            return ([], 0);
        }

        int last = rows.Max(Year);
        int first = Math.Max(rows.Min(Year), last - MonthYears);
        var months = new List<string> { Earlier };
        for (int year = first; year <= last; year++)
        {
            for (int month = 1; month <= 12; month++)
            {
                months.Add(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"));
            }
        }

        return (months, first);
    }

    private static string MonthRow(Row row, int firstYear) => Year(row) < firstYear ? Earlier : row.Month;

    private static int Year(Row row) => int.Parse(row.Month[..4], CultureInfo.InvariantCulture);

    private static List<(string, int)> Count(List<Row> rows, Func<Row, string> key, IReadOnlyList<string> universe)
    {
        var counts = rows.GroupBy(key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. universe.Select(v => (v, counts.GetValueOrDefault(v)))];
    }
}
