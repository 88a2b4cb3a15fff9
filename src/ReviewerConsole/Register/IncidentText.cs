using System.Globalization;
using System.Text;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Register;

/// <summary>Incidents as terminal text (for 'incident show' and the TUI): every stored text made safe to print.</summary>
internal static class IncidentText
{
    public static string Detail(IncidentRecord i)
    {
        var o = new StringBuilder();
        void Line(string label, string? value) => o.Append(CultureInfo.InvariantCulture, $"{label,-19}{(value is null ? "-" : TerminalText.Line(value, 10_000))}\n");
        Line("Incident", i.Id);
        Line("Origin", i.IsPublicRecord ? "public record (published row by row)" : "sources (published in aggregates only)");
        Line("Verification", i.Verification);
        Line("Month", i.Month);
        Line("State", i.State);
        Line("Field office", i.FieldOffice);
        Line("Facility", i.Facility);
        Line("Force used", i.Force);
        Line("Injuries", i.Injuries?.ToString(CultureInfo.InvariantCulture));
        Line("Deaths", i.Deaths?.ToString(CultureInfo.InvariantCulture));
        Line("Citizens detained", i.CitizensDetained);
        Line("Categories", i.Categories.Count == 0 ? null : string.Join(", ", i.Categories));
        Line("Summary", i.Summary);
        Line("Assessment", i.Assessment);
        for (int n = 0; n < i.Citations.Count; n++)
        {
            Line(string.Create(CultureInfo.InvariantCulture, $"Citation {n + 1}"), $"{i.Citations[n].Kind}: {i.Citations[n].Reference}");
        }

        if (!i.IsPublicRecord)
        {
            Line("Cases", string.Join(", ", i.Cases.Select(c => c[..CaseRecord.ShortIdLength])));
        }

        Line("Created", i.Created);
        Line("Updated", i.Updated);
        return o.ToString();
    }

    /// <summary>One line per incident, for 'incident list' and the TUI's list.</summary>
    public static string Row(IncidentRecord i) => string.Create(CultureInfo.InvariantCulture,
        $"{i.ShortId}  {i.Month}  {(i.IsPublicRecord ? "public " : "source ")}  {i.Verification,-13}  {i.State ?? "--"}  {(i.IsPublicRecord ? TerminalText.Line(i.Summary ?? string.Empty, 60) : $"{i.Cases.Count} case(s)")}");

    public const string RowHeader = "ID        MONTH    ORIGIN   VERIFICATION   ST  SUMMARY / CASES";
}
