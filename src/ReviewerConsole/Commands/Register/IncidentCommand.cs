using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Register;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Register;

/// <summary><c>whistle-review incident create|link|unlink|show|list|edit|verify|import</c>: the incident register (issue 17).</summary>
internal static class IncidentCommand
{
    public static Command Create() => new("incident", """
        The incident register: what happened, not who told us. A source-derived incident links one or more
        cases (two reports of one incident count once) and is published only in suppressed aggregates; a
        public-record incident rests on citations (OIG, OPR, court filings, FOIA releases, news) and is
        published row by row. 'whistle-review publish' makes the public release. Every change is audited.
        """)
    {
        CreateVerb(),
        LinkVerb(unlink: false),
        LinkVerb(unlink: true),
        Show(),
        ListVerb(),
        Edit(),
        Verify(),
        Import(),
    };

    private static Argument<string> Id() => new("ID") { Description = "The incident id as 'incident list' shows it (any unique beginning of at least 4 characters)." };

    private static Option<string[]> Cases(string description) => new("--case") { Description = description, HelpName = "ID" };

    private static Command CreateVerb()
    {
        var fields = new IncidentFieldOptions();
        var cases = Cases("A case this incident is reported in (repeatable). The first case's first report fills in the fields you do not give.");
        var publicRecord = new Option<bool>("--public-record") { Description = "An incident from a public record: needs --month, --summary and at least one --cite; no --case." };
        var command = new Command("create", """
            Create an incident, from cases (--case ID …) or from a public record (--public-record).

            From cases, month, state, force, injuries, deaths, citizens detained and categories are taken
            from the first report of the first case (month: when the incident began, else the month of
            receipt); options override them. The verification level starts at single-source.
            """)
        {
            cases,
            publicRecord,
        };
        fields.AddTo(command);
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            IncidentInput input = fields.Read(parse);
            string[] typed = parse.GetValue(cases) ?? [];
            bool isPublic = parse.GetValue(publicRecord);
            if (isPublic == (typed.Length > 0))
            {
                throw new CliException("give either --case ID (a source-derived incident) or --public-record", "'whistle-review incident create --help' explains both");
            }

            using VaultSession vault = VaultOptions.Open(parse);
            IncidentRecord incident = IncidentService.Checked(() => isPublic
                ? IncidentService.CreatePublicRecord(vault, input)
                : IncidentService.CreateFromCases(vault, [.. typed.Select(t => CaseQueryService.Resolve(vault, t).Id)], input));
            Console.Out.WriteLine($"Created incident {incident.ShortId} ({incident.Origin}, {incident.Month}, {incident.Verification})");
        }));
        return command;
    }

    private static Command LinkVerb(bool unlink)
    {
        var id = Id();
        var cases = Cases(unlink ? "A case to unlink (repeatable)." : "A case that reports this incident too (repeatable).");
        cases.Required = true;
        var command = new Command(unlink ? "unlink" : "link", unlink
            ? "Unlink cases from a source-derived incident (it keeps at least one)."
            : "Link more cases to a source-derived incident: two sources describing one incident count once.")
        {
            id,
            cases,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            IncidentRecord incident = IncidentService.Resolve(vault, parse.GetValue(id)!);
            string[] caseIds = [.. parse.GetValue(cases)!.Select(t => CaseQueryService.Resolve(vault, t).Id)];
            IncidentRecord after = IncidentService.Checked(() => IncidentService.Link(vault, incident.Id, caseIds, unlink));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Incident {after.ShortId}: {after.Cases.Count} linked case(s)"));
        }));
        return command;
    }

    private static Command Show()
    {
        var id = Id();
        var json = new Option<bool>("--json") { Description = "Print the incident as JSON." };
        var command = new Command("show", "Print one incident, with its citations, linked cases and the reviewers' assessment.") { id, json };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            IncidentRecord incident = IncidentService.Resolve(vault, parse.GetValue(id)!);
            Console.Out.Write(parse.GetValue(json) ? JsonSerializer.Serialize(incident, JsonOutput.Options) + "\n" : IncidentText.Detail(incident));
        }));
        return command;
    }

    private static Command ListVerb()
    {
        var json = new Option<bool>("--json") { Description = "Print every incident as JSON." };
        var origin = new Option<string?>("--origin") { Description = "Only source or public-record incidents.", HelpName = "ORIGIN" };
        var command = new Command("list", "List the incidents, by month.") { json, origin };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string? only = parse.GetValue(origin);
            if (only is not (null or IncidentOrigins.Source or IncidentOrigins.PublicRecord))
            {
                throw new CliException("--origin must be source or public-record");
            }

            using VaultSession vault = VaultOptions.Open(parse);
            var incidents = IncidentService.List(vault).Where(i => only is null || i.Origin == only).ToList();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(incidents, JsonOutput.Options));
                return;
            }

            Console.Out.WriteLine(IncidentText.RowHeader);
            incidents.ForEach(i => Console.Out.WriteLine(IncidentText.Row(i)));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{incidents.Count} incidents ({incidents.Count(i => i.IsPublicRecord)} from public records)"));
        }));
        return command;
    }

    private static Command Edit()
    {
        var id = Id();
        var fields = new IncidentFieldOptions();
        var uncite = new Option<int[]>("--remove-cite") { Description = "Remove citation number N, as 'incident show' numbers them (repeatable).", HelpName = "N" };
        var command = new Command("edit", "Change an incident's fields or citations. Only the options given change; \"\" clears a field to not known.") { id, uncite };
        fields.AddTo(command);
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            IncidentInput input = fields.Read(parse, parse.GetValue(uncite) ?? []);
            using VaultSession vault = VaultOptions.Open(parse);
            IncidentRecord incident = IncidentService.Resolve(vault, parse.GetValue(id)!);
            IncidentRecord after = IncidentService.Checked(() => IncidentService.Edit(vault, incident.Id, input));
            Console.Out.WriteLine(ReferenceEquals(after, incident) || after == incident
                ? $"Incident {incident.ShortId}: no change"
                : $"Incident {after.ShortId}: updated");
        }));
        return command;
    }

    private static Command Verify()
    {
        var id = Id();
        var level = new Option<string>("--level")
        {
            Description = "single-source (one report), corroborated (more sources or evidence), public-record (confirmed by a public record: needs a citation).",
            HelpName = "LEVEL",
            Required = true,
        };
        var command = new Command("verify", "Set a source-derived incident's verification level.") { id, level };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            IncidentRecord incident = IncidentService.Resolve(vault, parse.GetValue(id)!);
            IncidentRecord after = IncidentService.Verify(vault, incident.Id, parse.GetValue(level)!);
            Console.Out.WriteLine($"Incident {after.ShortId}: {after.Verification}");
        }));
        return command;
    }

    private static Command Import()
    {
        var csv = new Option<string>("--csv") { Description = "The CSV file of public-record incidents.", HelpName = "FILE", Required = true };
        var command = new Command("import", $"""
            Back-fill public-record incidents from a CSV file (UTF-8, RFC 4180 quoting), one incident per row,
            with exactly this header:
              {string.Join(",", IncidentCsv.Header)}
            categories are separated by ";"; citation_kind is one of {string.Join(", ", IncidentFields.CitationKinds)}.
            Every row is checked first; any error (with its line and column) imports nothing.
            """)
        {
            csv,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            using VaultSession vault = VaultOptions.Open(parse);
            IReadOnlyList<IncidentRecord> stored = IncidentCsv.Import(vault, parse.GetValue(csv)!);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {stored.Count} public-record incidents"));
        }));
        return command;
    }
}
