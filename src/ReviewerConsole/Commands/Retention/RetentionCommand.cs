using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Commands.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Retention;

/// <summary><c>whistle-review retention [ID] [--default P|none] [--warn-days N] [--period P|default] [--due] [--json]</c>.</summary>
internal static class RetentionCommand
{
    public static Command Create()
    {
        var id = new Argument<string?>("ID")
        {
            Description = "A case id, to show or set that case's retention; without it, the vault's settings and the cases that need attention.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var defaultPeriod = new Option<string?>("--default")
        {
            Description = "Set the vault's default period: 90d, 18m, 3y (days, months, years), or 'none' (keep until destroyed).",
            HelpName = "PERIOD",
        };
        var warnDays = new Option<int?>("--warn-days")
        {
            Description = $"Show cases as expiring this many days before (0 to {RetentionSettings.MaxWarnDays}; default {RetentionSettings.DefaultWarnDays}).",
            HelpName = "N",
        };
        var period = new Option<string?>("--period")
        {
            Description = "With ID: give the case its own period (90d, 18m, 3y), or 'default' to follow the vault's default again.",
            HelpName = "PERIOD",
        };
        var due = new Option<bool>("--due") { Description = "List only the cases whose expiry day has come (due for 'destroy')." };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var command = new Command("retention", """
            How long cases are kept. A case's clock starts on the UTC day of its last activity (a new message,
            a triage change, a note or a reply: 'updated' in 'show'); it expires that day plus its period (its
            own, else the vault's default), counted in calendar days, months or years (a month or year that lacks
            the day ends on its last day: 29 February + 1y is 28 February). From --warn-days before, 'list', 'show'
            and the TUI show it as expiring; from the expiry day, as due. Nothing is ever destroyed by itself: a
            reviewer runs 'destroy'. A case under legal hold ('hold') never expires while held.
            """)
        {
            id,
            defaultPeriod,
            warnDays,
            period,
            due,
            json,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string? caseId = parse.GetValue(id);
            string? setDefault = parse.GetValue(defaultPeriod);
            string? setPeriod = parse.GetValue(period);
            if (caseId is null && setPeriod is not null)
            {
                throw new CliException("--period needs a case ID", "e.g. 'whistle-review retention 3f2a9b10 --period 5y'");
            }

            if (caseId is not null && (setDefault is not null || parse.GetValue(warnDays) is not null || parse.GetValue(due)))
            {
                throw new CliException("--default, --warn-days and --due are for the whole vault, not one case", "leave out the ID");
            }

            RetentionPeriod? parsedDefault = setDefault is null || setDefault.Trim() == "none" ? null : RetentionPeriod.Parse(setDefault);
            RetentionPeriod? parsedPeriod = setPeriod is null || setPeriod.Trim() == "default" ? null : RetentionPeriod.Parse(setPeriod);
            using VaultSession vault = VaultOptions.Open(parse);
            if (caseId is not null)
            {
                CaseRecord c = CaseQueryService.Resolve(vault, caseId);
                RetentionStatus status = setPeriod is null ? RetentionService.StatusOf(vault, c.Id) : RetentionService.SetPeriod(vault, c.Id, parsedPeriod);
                Console.Out.WriteLine(parse.GetValue(json)
                    ? JsonSerializer.Serialize(ToJson(c, status), JsonOutput.Options)
                    : $"Case {c.ShortId}: {status.Describe()}");
                return;
            }

            RetentionSettings settings = setDefault is not null || parse.GetValue(warnDays) is not null
                ? RetentionService.Configure(vault, parsedDefault, setDefault?.Trim() == "none", parse.GetValue(warnDays))
                : RetentionService.Settings(vault);
            var cases = RetentionService.Attention(vault, withHeld: !parse.GetValue(due))
                .Where(x => !parse.GetValue(due) || x.Status.State == RetentionState.Due).ToList();
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    @default = settings.Default?.ToString(),
                    warnDays = settings.WarnDays,
                    cases = cases.Select(x => ToJson(x.Case, x.Status)),
                }, JsonOutput.Options));
                return;
            }

            if (!parse.GetValue(due))
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Default retention: {settings.Default?.ToString() ?? "none (cases are kept until destroyed)"}; warnings {settings.WarnDays} days before expiry"));
            }

            if (cases.Count == 0)
            {
                Console.Out.WriteLine(parse.GetValue(due) ? "No case is due." : "No case is due, expiring or under legal hold.");
                return;
            }

            foreach (var (c, status) in cases)
            {
                Console.Out.WriteLine($"{c.ShortId}  {status.Flag,-9}  {status.Describe()}");
            }
        }));
        return command;
    }

    internal static object ToJson(CaseRecord c, RetentionStatus s) => new
    {
        id = c.ShortId,
        fullId = c.Id,
        state = s.State.ToString().ToLowerInvariant(),
        period = s.Period?.ToString(),
        periodFromDefault = s.FromDefault,
        start = s.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        expires = s.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        daysLeft = s.DaysLeft,
        hold = s.Hold is { } h ? new { since = h.Since, actor = h.Actor, reason = h.Reason } : null,
    };
}
