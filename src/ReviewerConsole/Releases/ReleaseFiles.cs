using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Releases;

/// <summary>
/// incidents.csv, aggregates.csv and incidents.json (docs/FORMATS.md#release). Stored text is untrusted: in CSV every
/// cell is quoted and a cell that a spreadsheet would read as a formula (first character <c>= + - @</c>, tab or
/// carriage return) gets a leading apostrophe; JSON escapes everything but printable ASCII.
/// </summary>
internal static class ReleaseFiles
{
    public const string IncidentsCsv = "incidents.csv";
    public const string AggregatesCsv = "aggregates.csv";
    public const string IncidentsJson = "incidents.json";
    public const string SchemaJson = "incidents.schema.json";
    public const string Report = "index.html";
    public const string TeamKey = "team.pub";
    public const string Sums = "SHA256SUMS";
    public const string Signature = "SHA256SUMS.sig";
    public const int FormatVersion = 1;

    public static IReadOnlyList<string> CsvColumns { get; } =
        ["id", "month", "state", "field_office", "facility", "force", "injuries", "deaths", "citizens_detained", "categories", "summary", "citations"];

    public static string Csv(ReleaseContent content)
    {
        var o = new StringBuilder(string.Join(",", CsvColumns)).Append("\r\n");
        foreach (IncidentRecord i in content.PublicRecords)
        {
            string[] cells =
            [
                i.Id, i.Month, i.State ?? string.Empty, i.FieldOffice ?? string.Empty, i.Facility, i.Force, Count(i.Injuries), Count(i.Deaths),
                i.CitizensDetained, string.Join(";", i.Categories), i.Summary ?? string.Empty, string.Join(" | ", i.Citations.Select(c => $"{c.Kind}: {c.Reference}")),
            ];
            o.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");
        }

        return o.ToString();
    }

    /// <summary>The source-derived counts as the stats export writes them (table,value,count; "suppressed" where suppressed).</summary>
    public static string Aggregates(ReleaseContent content) => StatsFormats.Csv(content.Source);

    /// <summary>One quoted CSV cell, neutralised against formula injection.</summary>
    public static string Cell(string value)
    {
        string safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Json(ReleaseContent content) => JsonSerializer.Serialize(new
    {
        format = "whistlesubmit-release",
        v = FormatVersion,
        release = content.Number,
        asOf = content.AsOf,
        schema = SchemaJson,
        publicRecord = new
        {
            description = "incidents documented in public records (OIG and OPR reports, court filings, FOIA releases, news), each with its citations",
            count = content.PublicRecords.Count,
            incidents = content.PublicRecords.Select(i => new
            {
                id = i.Id,
                month = i.Month,
                state = i.State,
                fieldOffice = i.FieldOffice,
                facility = i.Facility,
                force = i.Force,
                injuries = i.Injuries,
                deaths = i.Deaths,
                citizensDetained = i.CitizensDetained,
                categories = i.Categories,
                summary = i.Summary,
                citations = i.Citations.Select(c => new { kind = c.Kind, reference = c.Reference }),
            }),
        },
        sourceDerived = new
        {
            unit = "incidents reported to the team by sources (one per incident, however many sources described it); never listed one by one",
            suppression = new
            {
                minimumCount = Suppression.MinimumCount,
                withinRelease = "every count below the minimum, zero included, is \"suppressed\"; in tables whose rows add up to the total, further rows are "
                    + "suppressed, smallest first, until no row is suppressed alone and the suppressed rows together hold zero or at least the minimum; "
                    + "a category row is suppressed when fewer than the minimum incidents have it or lack it",
                acrossReleases = "comparing this release with any earlier one, no set of rows whose count both releases give exactly changed by 1 to 4: "
                    + "more rows are suppressed where needed, and where that cannot help, the previous release's source-derived counts are published again unchanged",
            },
            total = Value(content.Source.Total),
            tables = content.Source.Tables.Select(t => new
            {
                name = t.Name,
                description = t.Description,
                rowsAddUpToTotal = t.Partition,
                rows = t.Cells.Select(c => new { value = c.Value, count = Value(c) }),
            }),
        },
    }, Options) + "\n";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Everything outside printable ASCII (and <, >, &, ', ") as \u escapes: plain text for any reader, no markup.
        Encoder = JavaScriptEncoder.Default,
    };

    private static object Value(StatsCell cell) => cell.Suppressed ? StatsFormats.SuppressedWord : cell.Count;

    private static string Count(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
