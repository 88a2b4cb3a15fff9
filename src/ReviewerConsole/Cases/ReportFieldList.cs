using System.Globalization;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// A report's answers as (label, value) pairs in questionnaire order, without the description: for views that lay
/// them out themselves (the referral packet, the terminal UI). Values are raw, untrusted text: sanitise when shown.
/// </summary>
internal static class ReportFieldList
{
    public static IReadOnlyList<(string Label, string Value)> Of(ReportV1 r)
    {
        var fields = new List<(string, string)>
        {
            ("Relationship", ReportLabels.Of(r.Relationship)),
            ("Component", ReportLabels.Component(r.Component)),
            ("Categories", r.Categories is { Count: > 0 } ? string.Join("; ", Documents.CategoryIds(r).Select(ReportLabels.Category)) : "—"),
        };
        if (r.When?.From is { } from)
        {
            fields.Add(("When", r.When.To is { } to && to != from
                ? string.Create(CultureInfo.InvariantCulture, $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd}")
                : from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (r.Where is { } where)
        {
            fields.Add(("Where", string.Join(", ", new[] { where.State, where.Place }.OfType<string>())));
        }

        if (r.PeopleAffected is { } people)
        {
            fields.Add(("People affected", string.Create(CultureInfo.InvariantCulture,
                $"{people.Count?.ToString(CultureInfo.InvariantCulture) ?? "unknown number"}; U.S. citizens or residents among them: {ReportLabels.Of(people.CitizensOrResidents)}")));
        }

        if (r.Harm is { } harm)
        {
            fields.Add(("Harm", string.Create(CultureInfo.InvariantCulture,
                $"force used: {ReportLabels.Of(harm.Force)}; injured: {harm.Injuries?.ToString(CultureInfo.InvariantCulture) ?? "—"}; deaths: {harm.Deaths?.ToString(CultureInfo.InvariantCulture) ?? "—"}")));
        }

        if (r.InternalReporting is { } ir)
        {
            string channels = ir.Channels is { Count: > 0 } ch ? " (" + string.Join(", ", ch.Select(ReportLabels.Channel)) + ")" : string.Empty;
            fields.Add(("Reported internally", ReportLabels.Of(ir.Reported) + channels));
            if (ir.Outcome is { } outcome)
            {
                fields.Add(("Outcome", outcome));
            }
        }

        if (r.Evidence is { } evidence)
        {
            fields.Add(("Evidence", evidence));
        }

        if (r.Retaliation is { } retaliation)
        {
            fields.Add(("Retaliation", retaliation));
        }

        fields.Add(("Form", $"{ReportLabels.Of<Language>(r.Client.Language)}, encrypted by the {ReportLabels.Of<EncryptedBy>(r.Client.EncryptedBy)}"));
        return fields;
    }
}
