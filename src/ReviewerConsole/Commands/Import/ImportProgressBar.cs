using System.Globalization;
using Spectre.Console;
using WhistleSubmit.ReviewerConsole.Import;

namespace WhistleSubmit.ReviewerConsole.Commands.Import;

/// <summary>
/// The import's progress bars on a terminal (Spectre.Console, drawn on stderr so stdout stays the result): the bundle
/// checked, then the items decrypted, with bytes, elapsed and remaining time. Spectre draws nothing when output is
/// redirected (docs/DEVELOPMENT.md#terminal-ui-packages), so the caller prints plain lines in that case instead.
/// </summary>
internal static class ImportProgressBar
{
    public static ImportResult Run(Func<Action<ImportProgress>, Action<ImportPhase, long, long>, ImportResult> import)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ImportResult? result = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                // Two bars, by bytes: the verification pass reads the whole bundle before any item is decrypted (docs/CONSOLE.md#import).
                ProgressTask checking = context.AddTask("checking the bundle", maxValue: 1);
                ProgressTask? items = null;
                string counted = "";
                ProgressTask Items(string description)
                {
                    if (items is null)
                    {
                        checking.Value = checking.MaxValue;
                        checking.StopTask();
                        items = context.AddTask(description, maxValue: 1);
                    }

                    return items;
                }

                result = import(
                    p =>
                    {
                        counted = string.Create(CultureInfo.InvariantCulture, $"item {p.Number}/{p.Total}");
                        ProgressTask task = Items(counted);
                        task.Description = p.AlreadyPresent ? $"{counted} (already in the vault)" : p.Refused ? $"{counted} (refused)" : counted;
                    },
                    (phase, done, total) =>
                    {
                        if (phase == ImportPhase.Checking)
                        {
                            checking.MaxValue = Math.Max(total, 1);
                            checking.Value = done;
                            checking.Description = $"checking the bundle ({Size(done)} of {Size(total)})";
                        }
                        else
                        {
                            ProgressTask task = Items("decrypting");
                            task.MaxValue = Math.Max(total, 1);
                            task.Value = done;
                            task.Description = $"decrypting {(counted.Length > 0 ? counted + ", " : "")}{Size(done)} of {Size(total)}";
                        }
                    });
                checking.Value = checking.MaxValue;
                if (items is not null)
                {
                    items.Value = items.MaxValue;
                }
            });
        return result!;
    }

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} MiB");
}
