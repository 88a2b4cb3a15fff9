using System.Globalization;
using WhistleSubmit.Crypto.Containers;
using F = WhistleSubmit.Portal.Features.NoScript.ReportFields;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// Turns the questionnaire's fields into a ReportV1 (docs/FORMATS.md#report), or into the list of fields to fix.
/// Empty fields mean "not answered", and a group with no answer is left out entirely.
/// </summary>
public static class ReportFormParser
{
    private const int MaxCount = 10_000_000;

    public static ReportV1? Parse(ReceivedForm form, ClientFacts client, List<(string Field, FieldError Error)> errors)
    {
        string? from = Text(form, F.WhenFrom);
        string? to = Text(form, F.WhenTo);
        DateOnly? fromDate = Date(from, F.WhenFrom, errors);
        DateOnly? toDate = Date(to, F.WhenTo, errors);
        if (fromDate is null && toDate is not null && from is null)
        {
            errors.Add((F.WhenFrom, FieldError.DateToWithoutFrom));
        }
        else if (fromDate > toDate)
        {
            errors.Add((F.WhenTo, FieldError.DateOrder));
        }

        string? state = Text(form, F.WhereState)?.ToUpperInvariant();
        if (state is not null && !(state.Length == 2 && char.IsAsciiLetterUpper(state[0]) && char.IsAsciiLetterUpper(state[1])))
        {
            errors.Add((F.WhereState, FieldError.State));
        }

        string? description = Text(form, F.Description);
        if (description is null)
        {
            errors.Add((F.Description, FieldError.Required));
        }

        var report = new ReportV1
        {
            Relationship = Choice<Relationship>(form, F.Relationship, errors),
            Component = Choice<Component>(form, F.Component, errors),
            Categories = Choices<Category>(form, F.Categories, errors),
            When = fromDate is null && toDate is null ? null : new IncidentWhen { From = fromDate, To = toDate },
            Where = NullIfEmpty(new IncidentWhere { State = state, Place = Text(form, F.WherePlace) }, new IncidentWhere()),
            PeopleAffected = NullIfEmpty(
                new PeopleAffected { Count = Count(form, F.PeopleCount, errors), CitizensOrResidents = Choice<Answer>(form, F.PeopleCitizens, errors) },
                new PeopleAffected()),
            Harm = NullIfEmpty(
                new Harm { Force = Choice<Answer>(form, F.HarmForce, errors), Injuries = Count(form, F.HarmInjuries, errors), Deaths = Count(form, F.HarmDeaths, errors) },
                new Harm()),
            Evidence = Text(form, F.Evidence),
            InternalReporting = NullIfEmpty(
                new InternalReporting
                {
                    Reported = Choice<Answer>(form, F.Reported, errors),
                    Channels = Choices<ReportingChannel>(form, F.Channels, errors),
                    Outcome = Text(form, F.Outcome),
                },
                new InternalReporting()),
            Retaliation = Text(form, F.Retaliation),
            Description = description ?? string.Empty,
            Client = client,
        };
        return errors.Count == 0 ? report : null;
    }

    /// <summary>A field's value with surrounding blanks removed; null when absent or blank.</summary>
    public static string? Text(ReceivedForm form, string name) =>
        form.Single(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static T? NullIfEmpty<T>(T value, T empty)
        where T : class => value.Equals(empty) ? null : value;

    private static DateOnly? Date(string? text, string field, List<(string, FieldError)> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add((field, FieldError.Date));
        return null;
    }

    private static int? Count(ReceivedForm form, string name, List<(string, FieldError)> errors)
    {
        string? text = Text(form, name);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= MaxCount)
        {
            return n;
        }

        errors.Add((name, FieldError.Count));
        return null;
    }

    private static T? Choice<T>(ReceivedForm form, string name, List<(string, FieldError)> errors)
        where T : struct, Enum
    {
        if (form.All(name).Count > 1)
        {
            errors.Add((name, FieldError.Choice));
            return null;
        }

        string? id = Text(form, name);
        if (id is null)
        {
            return null;
        }

        if (SchemaIds<T>.TryParse(id, out T value))
        {
            return value;
        }

        errors.Add((name, FieldError.Choice));
        return null;
    }

    private static IReadOnlyList<T>? Choices<T>(ReceivedForm form, string name, List<(string, FieldError)> errors)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (string id in form.All(name))
        {
            if (!SchemaIds<T>.TryParse(id, out T value) || values.Contains(value))
            {
                errors.Add((name, FieldError.Choice));
                return null;
            }

            values.Add(value);
        }

        return values.Count == 0 ? null : values;
    }
}
