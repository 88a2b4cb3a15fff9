using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WhistleSubmit.ReviewerConsole.Statistics;

/// <summary>
/// The dataset as CSV (<c>table,value,count</c>, first row the total) or JSON (with its rules written in). A suppressed
/// count is the word <c>suppressed</c>, never a number. Labels are fixed identifiers, so nothing needs CSV quoting.
/// </summary>
internal static class StatsFormats
{
    public const string SuppressedWord = "suppressed";

    public static string Csv(IncidentDataset data)
    {
        var o = new StringBuilder("table,value,count\n");
        o.Append("total,all,").Append(Count(data.Total)).Append('\n');
        foreach (StatsTable table in data.Tables)
        {
            foreach (StatsCell cell in table.Cells)
            {
                o.Append(table.Name).Append(',').Append(cell.Value).Append(',').Append(Count(cell)).Append('\n');
            }
        }

        return o.ToString();
    }

    public static string Json(IncidentDataset data) => JsonSerializer.Serialize(new
    {
        v = 1,
        generated = data.Generated,
        unit = IncidentDataset.Unit,
        monthBasis = IncidentDataset.MonthBasis,
        suppression = new
        {
            minimumCount = Suppression.MinimumCount,
            rule = "every count below the minimum, zero included, is replaced by \"suppressed\"; in tables whose rows add up to the "
                + "total, further rows are suppressed, smallest first, until no row is suppressed alone and the suppressed rows "
                + "together hold zero or at least the minimum; a category row is also suppressed when fewer than the minimum "
                + "reports lack that category",
        },
        total = Value(data.Total),
        tables = data.Tables.Select(t => new
        {
            name = t.Name,
            description = t.Description,
            rowsAddUpToTotal = t.Partition,
            rows = t.Cells.Select(c => new { value = c.Value, count = Value(c) }),
        }),
    }, new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static string Count(StatsCell cell) => cell.Suppressed ? SuppressedWord : cell.Count.ToString(CultureInfo.InvariantCulture);

    private static object Value(StatsCell cell) => cell.Suppressed ? SuppressedWord : cell.Count;
}
