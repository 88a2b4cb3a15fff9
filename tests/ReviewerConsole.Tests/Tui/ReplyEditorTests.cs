using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Tui;

/// <summary>Issue 12 item 9: the reply editor and the case text at 80×24, driven in tmux as a reviewer would.</summary>
[TestFixture]
public sealed class ReplyEditorTests
{
    [Test]
    public void ReplyEditor_At80x24_ALongLineKeepsItsFirstCharactersInView()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);
        using TmuxSession tui = OpenCase(vault, id);

        tui.SendKeys("F7");
        tui.WaitFor(s => s.Contains("Ctrl+S saves", StringComparison.Ordinal), "the reply editor");
        tui.Type("BEGIN thank you for writing to us; could you say which week this happened and who else was there END");
        string screen = tui.WaitFor(s => s.Contains("END", StringComparison.Ordinal), "the typed text");

        Assert.That(screen, Does.Contain("BEGIN thank you"), "the line's start is still visible:\n" + screen);
        Assert.That(screen, Does.Contain("who else was there END"), "and its end, wrapped:\n" + screen);
        tui.SendKeys("Escape");
    }

    [Test]
    public void CaseText_At80x24_WrappedLinesKeepTheirIndentation()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);
        using TmuxSession tui = OpenCase(vault, id);

        // Case C's description is indented four spaces and wider than the case pane at 80 columns. The case's header
        // lines may push it below the 24th row: open the case (Enter) and move down until its wrapped part shows.
        string screen = tui.WaitFor(s => s.Contains("Case " + id[..8], StringComparison.Ordinal), "the case");
        string[] keys = ["Enter", .. Enumerable.Repeat("Down", 30)];
        for (int k = 0; k < keys.Length && !VisibleAfterSupervisors(screen); k++)
        {
            string before = screen;
            tui.SendKeys(keys[k]);
            for (int wait = 0; wait < 15 && screen == before; wait++)
            {
                Thread.Sleep(200);
                screen = tui.Capture();
            }
        }

        string[] lines = screen.Split('\n');
        int first = Array.FindIndex(lines, l => l.Contains("│    Supervisors", StringComparison.Ordinal));
        Assert.That(first, Is.GreaterThanOrEqualTo(0), screen);
        int column = lines[first].IndexOf("│    Supervisors", StringComparison.Ordinal);
        string next = lines[first + 1];
        Assert.That(next, Does.Contain("CANARY-CHARLIE"), screen);
        Assert.That(next[(column + 1)..(column + 5)], Is.EqualTo("    "), "the wrapped part stays under the description:\n" + screen);
        Assert.That(next[column + 5], Is.Not.EqualTo(' '), screen);
        tui.SendKeys("F10");
    }

    private static bool VisibleAfterSupervisors(string screen)
    {
        string[] lines = screen.Split('\n');
        int first = Array.FindIndex(lines, l => l.Contains("│    Supervisors", StringComparison.Ordinal));
        return first >= 0 && first + 1 < lines.Length && lines[first + 1].Contains("CANARY-CHARLIE", StringComparison.Ordinal);
    }

    private static TmuxSession OpenCase(TestVault vault, string id)
    {
        if (!TmuxSession.IsAvailable)
        {
            Assert.Ignore("tmux is not installed (apt-get install -y tmux).");
        }

        string command = string.Join(' ', "exec env", $"WHISTLE_REVIEW_PASSPHRASE_FILE={Quote(vault.PassphraseFile)}", Quote(WhistleReview.DotnetHost),
            Quote(WhistleReview.DllPath), "--data", Quote(vault.Root), "--as", TestVault.Actor, "tui");
        TmuxSession tui = TmuxSession.Start(vault.Directory.Path, command);
        string screen = tui.WaitFor(s => s.Contains("F10 Quit", StringComparison.Ordinal) && s.Contains(id, StringComparison.Ordinal), "the case list");
        string[] rows = [.. screen.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"[│|] ?[0-9a-f]{8}[ !]"))];
        int row = Array.FindIndex(rows, l => l.Contains(id, StringComparison.Ordinal));
        for (int i = 0; i < row; i++)
        {
            tui.SendKeys("Down");
        }

        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains($"Case {id}", StringComparison.Ordinal), "the case text");
        return tui;
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
