using System.CommandLine;
using Terminal.Gui.App;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Tui;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Commands.Tui;

/// <summary><c>whistle-review tui</c>: the interactive terminal UI (Terminal.Gui) over the same services as the verbs.</summary>
internal static class TuiCommand
{
    public static Command Create()
    {
        var command = new Command("tui", """
            Open the interactive terminal UI for day-to-day work: the case list with search and filters,
            the selected case, and keys to change status, severity, assignee and tags, add notes and
            queue replies. The passphrase is asked first; F1 shows the keys; F10 quits. Works in 80x24.
            """);
        command.SetAction(parse => ErrorReporter.Run(() =>
        {
            if (Console.IsInputRedirected || Console.IsOutputRedirected)
            {
                throw new CliException("the terminal UI needs a terminal", "use the other verbs (list, show, triage, note, reply) in scripts");
            }

            // The passphrase prompt runs before the UI takes over the terminal.
            using VaultSession vault = VaultOptions.Open(parse);
            using IApplication app = Application.Create().Init();
            using var window = new ReviewWindow(app, vault);
            app.Run(window);
        }));
        return command;
    }
}
