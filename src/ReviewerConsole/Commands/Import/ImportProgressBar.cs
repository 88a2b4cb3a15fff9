using System.Globalization;
using Spectre.Console;
using WhistleSubmit.ReviewerConsole.Import;

namespace WhistleSubmit.ReviewerConsole.Commands.Import;

/// <summary>
/// The import's progress bar on a terminal (Spectre.Console, drawn on stderr so stdout stays the result): items done,
/// bytes, elapsed and remaining time. Spectre draws nothing when output is redirected (TOOLCHAIN.md), so the caller
/// prints plain lines in that case instead.
/// </summary>
internal static class ImportProgressBar
{
    public static ImportResult Run(Func<Action<ImportProgress>, ImportResult> import)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ImportResult? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("checking the bundle", maxValue: 1);
                long bytes = 0;
                result = import(p =>
                {
                    bytes += p.Bytes;
                    task.MaxValue = p.Total;
                    task.Value = p.Number;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"item {p.Number}/{p.Total} ({bytes / (1024 * 1024)} MiB)");
                });
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
