using System.Globalization;
using System.Text;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Statistics;

namespace WhistleSubmit.ReviewerConsole.Register;

/// <summary>
/// The register's vocabularies and the strict parsing of every field, shared by the verbs and the CSV import (so a
/// value accepted by one is accepted by the other). Where the report schema has a field, the register uses its ids
/// (categories, states, yes/no/unknown); failures throw <see cref="IncidentFieldException"/> naming the field.
/// </summary>
internal static class IncidentFields
{
    public const string Yes = "yes";
    public const string No = "no";
    public const string Unknown = "unknown";

    public const int MaxCount = 100_000;
    public const int MaxFieldOffice = 200;
    public const int MaxSummary = 2_000;
    public const int MaxAssessment = 10_000;
    public const int MaxReference = 1_000;
    public const int MaxCitations = 20;
    public const int MaxCases = 100;

    /// <summary>The earliest month the register accepts: the petition asks for incidents since 2017, and back-filling may need a little before.</summary>
    public const string EarliestMonth = "2000-01";

    public static IReadOnlyList<string> Answers { get; } = [Yes, No, Unknown];

    public static IReadOnlyList<string> Facilities { get; } =
        ["detention-facility", "field-office", "courthouse", "workplace", "residence", "public-place", "vehicle", "other", Unknown];

    public static IReadOnlyList<string> CitationKinds { get; } = ["oig", "opr", "court", "foia", "news", "other"];

    public const string SingleSource = "single-source";
    public const string Corroborated = "corroborated";
    public const string PublicRecordLevel = "public-record";

    /// <summary>Verification levels, weakest first: one source; corroborated (a second source or evidence); confirmed by a public record.</summary>
    public static IReadOnlyList<string> Levels { get; } = [SingleSource, Corroborated, PublicRecordLevel];

    public static string Month(string text, DateTimeOffset now)
    {
        string latest = now.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (text.Length != 7 || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new IncidentFieldException("month", "must be a month written yyyy-mm, e.g. 2019-04");
        }

        if (string.CompareOrdinal(text, EarliestMonth) < 0 || string.CompareOrdinal(text, latest) > 0)
        {
            throw new IncidentFieldException("month", $"must be between {EarliestMonth} and this month ({latest})");
        }

        return text;
    }

    public static string? State(string text) =>
        text.Length == 0 ? null
        : UsStates.Codes.Contains(text, StringComparer.Ordinal) ? text
        : throw new IncidentFieldException("state", "must be a state, DC or territory code in capitals (TX, PR, …), or empty if not known");

    public static string Facility(string text) => OneOf("facility", text.Length == 0 ? Unknown : text, Facilities);

    public static string Answer(string field, string text) => OneOf(field, text.Length == 0 ? Unknown : text, Answers);

    public static int? Count(string field, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        bool canonical = text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0') && text.Length <= 6;
        return canonical && int.Parse(text, CultureInfo.InvariantCulture) is var n && n <= MaxCount ? n
            : throw new IncidentFieldException(field, $"must be a whole number from 0 to {MaxCount:N0}, or empty if not known");
    }

    public static IReadOnlyList<string> Categories(IEnumerable<string> ids)
    {
        var seen = new List<string>();
        foreach (string id in ids)
        {
            if (!Documents.AllCategoryIds.Contains(id, StringComparer.Ordinal))
            {
                throw new IncidentFieldException("categories", $"\"{Shared.TerminalText.Line(id, 40)}\" is not a category; the categories are {string.Join(", ", Documents.AllCategoryIds)}");
            }

            if (seen.Contains(id, StringComparer.Ordinal))
            {
                throw new IncidentFieldException("categories", $"{id} is listed twice");
            }

            seen.Add(id);
        }

        // Stored in the schema's order, so two spellings of one set are one set.
        return [.. Documents.AllCategoryIds.Where(seen.Contains)];
    }

    public static string Level(string text) => OneOf("verification", text, Levels);

    public static Citation Citation(string kind, string reference) =>
        new(OneOf("citation", kind, CitationKinds), Text("citation", reference, MaxReference) ?? throw new IncidentFieldException("citation", "needs a reference (title, number, court and docket, or address)"));

    /// <summary>
    /// Free text: trimmed, empty means none; at most <paramref name="max"/> characters; well-formed UTF-16 and no
    /// control characters (line breaks included), so it is one line everywhere it is shown.
    /// </summary>
    public static string? Text(string field, string text, int max)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Length > max)
        {
            throw new IncidentFieldException(field, $"is {trimmed.Length:N0} characters long; at most {max:N0} are allowed");
        }

        if (trimmed.Any(char.IsControl) || !IsWellFormed(trimmed))
        {
            throw new IncidentFieldException(field, "must be one line of text without control characters");
        }

        return trimmed;
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static string OneOf(string field, string text, IReadOnlyList<string> allowed) =>
        allowed.Contains(text, StringComparer.Ordinal) ? text
        : throw new IncidentFieldException(field, $"\"{Shared.TerminalText.Line(text, 40)}\" is not one of {string.Join(", ", allowed)}");
}

/// <summary>A field value the register refuses: which field and why (never more of the value than a short, sanitised excerpt).</summary>
internal sealed class IncidentFieldException(string field, string problem) : Exception($"{field} {problem}")
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
