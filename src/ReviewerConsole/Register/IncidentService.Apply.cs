using System.Globalization;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Register;

/// <summary>This part: applying typed values to an incident, and the rules a whole incident must keep.</summary>
internal static partial class IncidentService
{
    /// <summary>The incident with <paramref name="input"/>'s values checked and applied; <paramref name="changes"/> says what changed, for the audit log.</summary>
    internal static IncidentRecord Apply(IncidentRecord before, IncidentInput input, DateTimeOffset now, out List<string> changes)
    {
        var log = new List<string>();
        IncidentRecord after = before;
        void Value<T>(string name, T old, T value, Func<IncidentRecord, T, IncidentRecord> set, bool showValue = true)
        {
            if (!EqualityComparer<T>.Default.Equals(old, value))
            {
                after = set(after, value);
                log.Add(showValue ? $"{name} {Show(old)} -> {Show(value)}" : $"{name} changed");
            }
        }

        if (input.Month is { } month)
        {
            Value("month", before.Month, IncidentFields.Month(month, now), (r, v) => r with { Month = v });
        }

        if (input.State is { } state)
        {
            Value("state", before.State, IncidentFields.State(state), (r, v) => r with { State = v });
        }

        if (input.FieldOffice is { } office)
        {
            Value("field office", before.FieldOffice, IncidentFields.Text("field-office", office, IncidentFields.MaxFieldOffice), (r, v) => r with { FieldOffice = v }, showValue: false);
        }

        if (input.Facility is { } facility)
        {
            Value("facility", before.Facility, IncidentFields.Facility(facility), (r, v) => r with { Facility = v });
        }

        if (input.Force is { } force)
        {
            Value("force", before.Force, IncidentFields.Answer("force", force), (r, v) => r with { Force = v });
        }

        if (input.Injuries is { } injuries)
        {
            Value("injuries", before.Injuries, IncidentFields.Count("injuries", injuries), (r, v) => r with { Injuries = v });
        }

        if (input.Deaths is { } deaths)
        {
            Value("deaths", before.Deaths, IncidentFields.Count("deaths", deaths), (r, v) => r with { Deaths = v });
        }

        if (input.CitizensDetained is { } citizens)
        {
            Value("citizens detained", before.CitizensDetained, IncidentFields.Answer("citizens-detained", citizens), (r, v) => r with { CitizensDetained = v });
        }

        if (input.Categories is { } categories)
        {
            IReadOnlyList<string> value = IncidentFields.Categories(categories);
            if (!value.SequenceEqual(before.Categories, StringComparer.Ordinal))
            {
                after = after with { Categories = value };
                log.Add($"categories {Show(string.Join(",", before.Categories))} -> {Show(string.Join(",", value))}");
            }
        }

        if (input.Summary is { } summary)
        {
            Value("summary", before.Summary, IncidentFields.Text("summary", summary, IncidentFields.MaxSummary), (r, v) => r with { Summary = v }, showValue: false);
        }

        if (input.Assessment is { } assessment)
        {
            Value("assessment", before.Assessment, IncidentFields.Text("assessment", assessment, IncidentFields.MaxAssessment), (r, v) => r with { Assessment = v }, showValue: false);
        }

        var citations = after.Citations.ToList();
        foreach (int number in input.RemoveCitations.Distinct().OrderDescending())
        {
            if (number < 1 || number > before.Citations.Count)
            {
                throw new IncidentFieldException("citation", string.Create(CultureInfo.InvariantCulture, $"number {number} does not exist; the incident has {before.Citations.Count}"));
            }

            citations.RemoveAt(number - 1);
            log.Add(string.Create(CultureInfo.InvariantCulture, $"citation {number} removed"));
        }

        foreach ((string kind, string reference) in input.AddCitations)
        {
            Citation citation = IncidentFields.Citation(kind, reference);
            if (!citations.Contains(citation))
            {
                citations.Add(citation);
                log.Add($"{citation.Kind} citation added");
            }
        }

        after = after with { Citations = citations };
        changes = log;
        return after;
    }

    /// <summary>The rules a whole incident keeps, checked before every write.</summary>
    private static void Check(IncidentRecord i)
    {
        if (i.Month.Length == 0)
        {
            throw new IncidentFieldException("month", "is not known from the report; give it with --month yyyy-mm");
        }

        if (i.Citations.Count > IncidentFields.MaxCitations)
        {
            throw new IncidentFieldException("citation", $"an incident has at most {IncidentFields.MaxCitations} citations");
        }

        if (i.IsPublicRecord)
        {
            if (i.Citations.Count == 0)
            {
                throw new IncidentFieldException("citation", "a public-record incident needs at least one citation (kind=reference)");
            }

            if (i.Summary is null)
            {
                throw new IncidentFieldException("summary", "a public-record incident needs a summary: it is published");
            }

            return;
        }

        if (i.Cases.Count == 0)
        {
            throw new CliException("a source-derived incident needs at least one linked case", "link another case before unlinking this one");
        }

        if (i.Cases.Count > IncidentFields.MaxCases)
        {
            throw new CliException($"an incident links at most {IncidentFields.MaxCases} cases");
        }

        if (i.Verification == IncidentFields.PublicRecordLevel && i.Citations.Count == 0)
        {
            throw new CliException("the public-record level needs a citation of the record that confirms the incident",
                "add one with 'incident edit ID --cite KIND=REFERENCE' first");
        }
    }

    /// <summary>Runs a field check, turning a refused value into the console's error.</summary>
    internal static T Checked<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (IncidentFieldException ex)
        {
            throw new CliException(ex.Message);
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "-",
        string { Length: 0 } => "-",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "-",
    };
}
