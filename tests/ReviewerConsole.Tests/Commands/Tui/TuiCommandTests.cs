using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Tui;

/// <summary>The terminal UI driven as a reviewer would, in an 80x24 tmux session; the result is checked through the CLI.</summary>
[TestFixture]
public sealed class TuiCommandTests
{
    [Test]
    public void Tui_OpenCaseChangeStatusAddNoteQuit_ChangesAreInTheVaultAndTheAuditLog()
    {
        if (!TmuxSession.IsAvailable)
        {
            Assert.Ignore("tmux is not installed (apt-get install -y tmux).");
        }

        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);
        string note = "Called OIG hotline, ref 77-" + Guid.NewGuid().ToString("N")[..6];
        string command = string.Join(' ', "exec env", $"WHISTLE_REVIEW_PASSPHRASE_FILE={Quote(vault.PassphraseFile)}", Quote(WhistleReview.DotnetHost),
            Quote(WhistleReview.DllPath), "--data", Quote(vault.Root), "--as", TestVault.Actor, "tui");
        using TmuxSession tui = TmuxSession.Start(vault.Directory.Path, command);

        string screen = tui.WaitFor(s => s.Contains("F10 Quit", StringComparison.Ordinal) && s.Contains(id, StringComparison.Ordinal), "the case list");
        Assert.That(screen.Split('\n'), Has.Length.LessThanOrEqualTo(25), "fits 80x24");
        // Open case C: move down the list to its row, then Enter shows its text on the right.
        string[] rows = [.. screen.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"[│|] ?[0-9a-f]{8} "))];
        int row = Array.FindIndex(rows, l => l.Contains(id, StringComparison.Ordinal));
        Assert.That(row, Is.GreaterThanOrEqualTo(0), screen);
        for (int i = 0; i < row; i++)
        {
            tui.SendKeys("Down");
        }

        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains($"Case {id}", StringComparison.Ordinal), "the case text");

        tui.SendKeys("F2");
        tui.WaitFor(s => s.Contains("investigating", StringComparison.Ordinal) && s.Contains("Esc cancels", StringComparison.Ordinal), "the status list");
        tui.SendKeys("Down", "Down", "Enter");
        tui.WaitFor(s => s.Contains($"{id} invest ", StringComparison.Ordinal), "the new status in the list");

        // The status list opens on the current status: Enter alone keeps it (issue 12 item 9).
        tui.SendKeys("F2");
        tui.WaitFor(s => s.Contains("Esc cancels", StringComparison.Ordinal), "the status list again");
        tui.SendKeys("Enter");
        tui.WaitFor(s => !s.Contains("Esc cancels", StringComparison.Ordinal) && s.Contains($"{id} invest ", StringComparison.Ordinal), "the status kept");

        tui.SendKeys("F6");
        tui.WaitFor(s => s.Contains("Ctrl+S saves", StringComparison.Ordinal), "the note editor");
        tui.Type(note);
        tui.SendKeys("C-s");
        tui.WaitFor(s => !s.Contains("Ctrl+S saves", StringComparison.Ordinal), "the note editor to close");

        tui.SendKeys("F10");
        tui.WaitForExit();

        using JsonDocument show = JsonDocument.Parse(vault.Succeed("show", id, "--json").StdoutText);
        JsonElement root = show.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("investigating"));
            Assert.That(root.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()), Is.EqualTo(new[] { note }));
            string[] history = [.. root.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("actor").GetString()} {h.GetProperty("action").GetString()} {h.GetProperty("details").GetString()}")];
            Assert.That(history, Has.Some.EqualTo($"{TestVault.Actor} case.status new -> investigating"));
            Assert.That(history, Has.None.Contains("investigating -> new"));
            Assert.That(history, Has.Some.StartsWith($"{TestVault.Actor} note.add"));
        });
        Assert.That(vault.Run("audit", "verify").ExitCode, Is.Zero);
    }

    [Test]
    public void Tui_F11CreateIncident_StoresASourceDerivedIncidentForTheSelectedCase()
    {
        if (!TmuxSession.IsAvailable)
        {
            Assert.Ignore("tmux is not installed (apt-get install -y tmux).");
        }

        using TestVault vault = TestVault.Imported();
        string command = string.Join(' ', "exec env", $"WHISTLE_REVIEW_PASSPHRASE_FILE={Quote(vault.PassphraseFile)}", Quote(WhistleReview.DotnetHost),
            Quote(WhistleReview.DllPath), "--data", Quote(vault.Root), "--as", TestVault.Actor, "tui");
        using TmuxSession tui = TmuxSession.Start(vault.Directory.Path, command);
        tui.WaitFor(s => s.Contains("F10 Quit", StringComparison.Ordinal), "the case list");

        tui.SendKeys("F11");
        tui.WaitFor(s => s.Contains("Create an incident from this case", StringComparison.Ordinal), "the register's choices");
        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains("Created incident", StringComparison.Ordinal), "the new incident");
        tui.SendKeys("Enter");
        tui.WaitFor(s => !s.Contains("Created incident", StringComparison.Ordinal), "the message to close");
        tui.SendKeys("F10");
        tui.WaitForExit();

        using JsonDocument incidents = JsonDocument.Parse(vault.Succeed("incident", "list", "--json").StdoutText);
        JsonElement incident = incidents.RootElement.EnumerateArray().Single();
        using JsonDocument cases = JsonDocument.Parse(vault.Succeed("list", "--json").StdoutText);
        Assert.That(incident.GetProperty("origin").GetString(), Is.EqualTo("source"));
        Assert.That(cases.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()),
            Has.Some.Matches<string>(id => incident.GetProperty("cases")[0].GetString()!.StartsWith(id, StringComparison.Ordinal)));
        Assert.That(VaultAudit.Actions(vault), Does.Contain("incident.create"));
    }

    [Test]
    public void Tui_NoTerminal_RefusesWithHint()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("tui");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("needs a terminal"));
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
