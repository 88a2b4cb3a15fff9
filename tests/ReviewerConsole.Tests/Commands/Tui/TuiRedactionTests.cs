using System.Text;
using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Tui;

/// <summary>Issue 19: marking redactions in the terminal UI (F12), in an 80x24 tmux session; checked through the CLI and the packet.</summary>
[TestFixture]
public sealed class TuiRedactionTests
{
    [Test]
    public void Tui_F12TextAndAttachment_MarksThemAndThePacketLeavesThemOut()
    {
        if (!TmuxSession.IsAvailable)
        {
            Assert.Ignore("tmux is not installed (apt-get install -y tmux).");
        }

        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);
        string command = string.Join(' ', "exec env", $"WHISTLE_REVIEW_PASSPHRASE_FILE={Quote(vault.PassphraseFile)}", Quote(WhistleReview.DotnetHost),
            Quote(WhistleReview.DllPath), "--data", Quote(vault.Root), "--as", TestVault.Actor, "tui");
        using TmuxSession tui = TmuxSession.Start(vault.Directory.Path, command);
        string screen = tui.WaitFor(s => s.Contains("F10 Quit", StringComparison.Ordinal) && s.Contains(id, StringComparison.Ordinal), "the case list");
        string[] rows = [.. screen.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"[│|] ?[0-9a-f]{8} "))];
        int row = Array.FindIndex(rows, l => l.Contains(id, StringComparison.Ordinal));
        Assert.That(row, Is.GreaterThanOrEqualTo(0), screen);
        for (int i = 0; i < row; i++)
        {
            tui.SendKeys("Down");
        }

        tui.WaitFor(s => s.Contains($"Case {id}", StringComparison.Ordinal), "case C's text");

        tui.SendKeys("F12");
        tui.WaitFor(s => s.Contains("Redact a text wherever it occurs", StringComparison.Ordinal), "the redaction choices");
        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains("Text to leave out of the packet", StringComparison.Ordinal), "the text prompt");
        tui.Type(ImportedScenario.CanaryC.ToLowerInvariant());
        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains("Mark 1 added", StringComparison.Ordinal), "the mark");
        tui.SendKeys("Enter");
        tui.WaitFor(s => !s.Contains("Mark 1 added", StringComparison.Ordinal), "the message to close");

        tui.SendKeys("F12");
        tui.WaitFor(s => s.Contains("List or remove marks", StringComparison.Ordinal), "the redaction choices again");
        tui.SendKeys("Down", "Enter");
        tui.WaitFor(s => s.Contains("Which field?", StringComparison.Ordinal), "the field list");
        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains("each occurrence in this field", StringComparison.Ordinal), "the text prompt for the field");
        tui.Type("twenty a day");
        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains("Mark 2 added", StringComparison.Ordinal), "the span mark");
        tui.SendKeys("Enter");
        tui.WaitFor(s => !s.Contains("Mark 2 added", StringComparison.Ordinal), "the message to close");
        tui.SendKeys("F10");
        tui.WaitForExit();

        using JsonDocument list = JsonDocument.Parse(vault.Succeed("redact", id, "--list", "--json").StdoutText);
        Assert.That(list.RootElement.GetProperty("marks").EnumerateArray().Select(m => m.GetProperty("kind").GetString()), Is.EqualTo(new[] { "text", "span" }));
        string packet = vault.Directory.File("packet.html");
        vault.Succeed("case-export", id, "--out", packet, "--approved-by", "bruno");
        byte[] bytes = File.ReadAllBytes(packet);
        Assert.Multiple(() =>
        {
            Assert.That(LeakScan.Find(bytes, ImportedScenario.CanaryC), Is.Null);
            Assert.That(LeakScan.Find(bytes, "twenty a day"), Is.Null);
            Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("█ redacted 1").And.Contain("█ redacted 2"));
        });
        Assert.That(VaultAudit.Actions(vault), Does.Contain("redaction.add"));
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
