using System.Globalization;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Register;

/// <summary>
/// The incident register's changes. Each change and its audit entry are one store transaction; a change that changes
/// nothing writes nothing. The audit details name the incident and the fields, and carry values only for the fixed
/// vocabularies (never summary, assessment or citation text).
/// </summary>
internal static partial class IncidentService
{
    public const int MinIdPrefix = 4;

    /// <summary>A source-derived incident, prefilled from the first report of the first case, then <paramref name="input"/>.</summary>
    public static IncidentRecord CreateFromCases(VaultSession vault, IReadOnlyList<string> caseIds, IncidentInput input)
    {
        if (caseIds.Count == 0)
        {
            throw new CliException("a source-derived incident needs at least one case", "give --case ID (or use --public-record)");
        }

        return vault.Write(data =>
        {
            IncidentRecord prefilled = Prefill(data, NewId(), caseIds.Distinct(StringComparer.Ordinal).ToList(), vault.Now());
            IncidentRecord incident = Apply(prefilled, input, vault.Clock.GetUtcNow(), out _);
            Check(incident);
            data.InsertIncident(incident);
            foreach (string caseId in incident.Cases)
            {
                AuditLog.Append(data, vault.Actor, vault.Now(), RegisterAuditActions.Link, caseId, null, $"incident {incident.ShortId}: case linked");
            }

            AuditLog.Append(data, vault.Actor, vault.Now(), RegisterAuditActions.Create, null, null, Describe(incident));
            return incident;
        });
    }

    /// <summary>An incident from a public record: month, summary and at least one citation are required.</summary>
    public static IncidentRecord CreatePublicRecord(VaultSession vault, IncidentInput input) => vault.Write(data =>
    {
        IncidentRecord incident = NewPublicRecord(input, vault.Now(), vault.Clock.GetUtcNow());
        data.InsertIncident(incident);
        AuditLog.Append(data, vault.Actor, vault.Now(), RegisterAuditActions.Create, null, null, Describe(incident));
        return incident;
    });

    /// <summary>Checks and builds a public-record incident (shared with the CSV import); stores nothing.</summary>
    internal static IncidentRecord NewPublicRecord(IncidentInput input, string now, DateTimeOffset clock)
    {
        if (input.Month is null)
        {
            throw new IncidentFieldException("month", "is required");
        }

        var blank = new IncidentRecord(NewId(), IncidentOrigins.PublicRecord, input.Month, null, null, IncidentFields.Unknown, IncidentFields.Unknown,
            null, null, IncidentFields.Unknown, [], IncidentFields.PublicRecordLevel, null, null, [], [], now, now);
        IncidentRecord incident = Apply(blank, input, clock, out _);
        Check(incident);
        return incident;
    }

    public static IncidentRecord Edit(VaultSession vault, string id, IncidentInput input) => vault.Write(data =>
    {
        IncidentRecord before = data.FindIncident(id) ?? throw NotFound(id);
        IncidentRecord after = Apply(before, input, vault.Clock.GetUtcNow(), out List<string> changes);
        if (changes.Count == 0)
        {
            return before;
        }

        Check(after);
        after = after with { Updated = vault.Now() };
        data.UpdateIncident(after);
        AuditLog.Append(data, vault.Actor, vault.Now(), RegisterAuditActions.Edit, null, null, $"incident {after.ShortId}: {string.Join("; ", changes)}");
        return after;
    });

    public static IncidentRecord Verify(VaultSession vault, string id, string level)
    {
        string checkedLevel = Checked(() => IncidentFields.Level(level));
        return vault.Write(data =>
        {
            IncidentRecord before = data.FindIncident(id) ?? throw NotFound(id);
            if (before.IsPublicRecord)
            {
                throw new CliException("a public-record incident is always at the public-record level", "its citations are its verification");
            }

            if (checkedLevel == before.Verification)
            {
                return before;
            }

            IncidentRecord after = before with { Verification = checkedLevel, Updated = vault.Now() };
            Check(after);
            data.UpdateIncident(after);
            AuditLog.Append(data, vault.Actor, vault.Now(), RegisterAuditActions.Verify, null, null, $"incident {after.ShortId}: {before.Verification} -> {checkedLevel}");
            return after;
        });
    }

    /// <summary>Links more cases to a source-derived incident (two sources describing one incident count once).</summary>
    public static IncidentRecord Link(VaultSession vault, string id, IReadOnlyList<string> caseIds, bool unlink = false) => vault.Write(data =>
    {
        IncidentRecord before = data.FindIncident(id) ?? throw NotFound(id);
        if (before.IsPublicRecord)
        {
            throw new CliException("a public-record incident has no linked cases",
                "reports are linked to source-derived incidents; create one with 'incident create --case ID'");
        }

        var cases = before.Cases.ToList();
        var changed = new List<string>();
        foreach (string caseId in caseIds.Distinct(StringComparer.Ordinal))
        {
            bool linked = cases.Contains(caseId, StringComparer.Ordinal);
            if (!unlink && !linked)
            {
                _ = data.FindCase(caseId) ?? throw new CliException("no case has that id");
                cases.Add(caseId);
                changed.Add(caseId);
            }
            else if (unlink && linked)
            {
                cases.Remove(caseId);
                changed.Add(caseId);
            }
        }

        if (changed.Count == 0)
        {
            return before;
        }

        IncidentRecord after = before with { Cases = cases, Updated = vault.Now() };
        Check(after);
        data.UpdateIncident(after);
        foreach (string caseId in changed)
        {
            AuditLog.Append(data, vault.Actor, vault.Now(), unlink ? RegisterAuditActions.Unlink : RegisterAuditActions.Link, caseId, null,
                $"incident {after.ShortId}: case {(unlink ? "unlinked" : "linked")}");
        }

        return after;
    });

    public static IncidentRecord Resolve(VaultSession vault, string typed)
    {
        string prefix = typed.Trim().ToLowerInvariant();
        if (prefix.Length < MinIdPrefix || prefix.Length > 32 || !prefix.All(char.IsAsciiHexDigit))
        {
            throw new CliException($"\"{TerminalText.Line(typed, 40)}\" is not an incident id",
                $"incident ids are hex, like 3f2a9b10; type at least {MinIdPrefix} characters ('whistle-review incident list' shows them)");
        }

        IReadOnlyList<IncidentRecord> matches = vault.Read(data => data.IncidentsStartingWith(prefix));
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new CliException($"no incident has the id {prefix}", "'whistle-review incident list' shows the incident ids"),
            _ => throw new CliException($"{prefix} matches {matches.Count} incidents", "type more characters of the id"),
        };
    }

    public static IReadOnlyList<IncidentRecord> List(VaultSession vault) =>
        [.. vault.Read(data => data.AllIncidents()).OrderBy(i => i.Month, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)];

    internal static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    internal static string Describe(IncidentRecord i) => string.Create(CultureInfo.InvariantCulture,
        $"incident {i.ShortId}: {i.Origin}, {i.Month}, {i.Verification}, {i.Cases.Count} cases, {i.Citations.Count} citations");

    private static CliException NotFound(string id) => new($"no incident has the id {id[..Math.Min(id.Length, IncidentRecord.ShortIdLength)]}");

    /// <summary>From the first report of the first case: month (incident date, else receipt), state, harm, citizens, categories.</summary>
    private static IncidentRecord Prefill(VaultData data, string id, List<string> caseIds, string now)
    {
        foreach (string caseId in caseIds)
        {
            _ = data.FindCase(caseId) ?? throw new CliException("no case has that id");
        }

        ItemRecord? first = data.ItemsOfCase(caseIds[0]).Where(i => i.IsSubmission).OrderBy(i => i.Sequence).FirstOrDefault();
        ReportV1? r = first is null ? null : Documents.Report(first);
        DateOnly? day = r?.When?.From ?? (first is null ? null : DateOnly.ParseExact(first.BundleCreated, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        string state = r?.Where?.State is { } s && Statistics.UsStates.Codes.Contains(s, StringComparer.Ordinal) ? s : string.Empty;
        return new IncidentRecord(
            id, IncidentOrigins.Source, day?.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? string.Empty, state.Length == 0 ? null : state, null,
            IncidentFields.Unknown, AnswerId(r?.Harm?.Force), r?.Harm?.Injuries, r?.Harm?.Deaths, AnswerId(r?.PeopleAffected?.CitizensOrResidents),
            Documents.CategoryIds(r), IncidentFields.SingleSource, null, null, [], caseIds, now, now);
    }

    private static string AnswerId(Answer? answer) => answer switch
    {
        Answer.Yes => IncidentFields.Yes,
        Answer.No => IncidentFields.No,
        _ => IncidentFields.Unknown,
    };
}
