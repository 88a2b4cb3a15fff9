using System.CommandLine;
using System.Globalization;
using System.Text;
using WhistleSubmit.ReviewerConsole.Exports;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Statistics;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Exports;

/// <summary><c>whistle-review stats --out FILE.csv|FILE.json [--force]</c>: the anonymised incident dataset.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "The file to write; its extension chooses the format: .csv or .json.",
            HelpName = "FILE",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists." };
        var command = new Command("stats", $"""
            Write the anonymised incident dataset for publication: counts of reports (one per case, spam
            excluded) by month, category, force used, injury, death and state. Month is the month the
            incident began when the source gave a date, otherwise the month of receipt.

            No free text, places, ids or dates finer than a month are included. The export is recorded
            in the audit log. Suppression rules (also written into the JSON file):
              1. Every count below {Suppression.MinimumCount}, zero included, is written as "suppressed". If the
                 total is below {Suppression.MinimumCount}, it and every row are suppressed.
              2. In tables whose rows add up to the total (month, force, injury, death, state), more rows
                 are suppressed, smallest first, until no row is suppressed alone and the suppressed rows
                 together hold nothing or at least {Suppression.MinimumCount}: none can be worked out from the total.
              3. A category row is suppressed when the reports with it, or those without it (total minus
                 the row), are fewer than {Suppression.MinimumCount}.
            Publish at a fixed, coarse rhythm (e.g. yearly), never for a subset of cases: a reader can
            subtract one dataset from another.
            """)
        {
            output,
            force,
        };
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            string path = parse.GetValue(output)!;
            Func<IncidentDataset, string> format = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".csv" => StatsFormats.Csv,
                ".json" => StatsFormats.Json,
                _ => throw new CliException("the output file must end in .csv or .json", "the extension chooses the format"),
            };
            using VaultSession vault = VaultOptions.Open(parse);
            IncidentDataset data = StatsService.Build(vault);
            byte[] bytes = Encoding.UTF8.GetBytes(format(data));
            int suppressed = data.Tables.Sum(t => t.Cells.Count(c => c.Suppressed)) + (data.Total.Suppressed ? 1 : 0);
            string written = AuditedExport.Write(vault, path, parse.GetValue(force), bytes, ExportAuditActions.StatsExport, null,
                string.Create(CultureInfo.InvariantCulture, $"incident dataset written ({Path.GetExtension(path).ToLowerInvariant()[1..]}, {suppressed} counts suppressed)"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the incident dataset ({(data.Total.Suppressed ? "fewer than " + Suppression.MinimumCount.ToString(CultureInfo.InvariantCulture) : data.Total.Count.ToString(CultureInfo.InvariantCulture))} reports; {suppressed} counts suppressed) to {written}"));
        }));
        return command;
    }
}
