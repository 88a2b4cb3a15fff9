using System.Text.RegularExpressions;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests;

/// <summary>
/// docs/ARCHITECTURE.md#invariants, 6, at run time: the real executable, traced by strace through every verb a reviewer uses and
/// the terminal UI, never creates a network socket and never connects anywhere. <see cref="NoNetworkTests"/> scans the
/// metadata of our own assemblies and the libraries that have no networking at all; Terminal.Gui and Spectre.Console
/// are left to this test because they do reference HttpClient/Dns for features we never call, so a metadata scan of
/// them cannot pass, while this test sees what actually happens.
/// </summary>
[TestFixture]
public sealed partial class NoConnectionTests
{
    private const string Strace = "/usr/bin/strace";

    [Test]
    public void EveryVerbAndTheTui_UnderStrace_CreateNoNetworkSocketAndConnectNowhere()
    {
        if (!File.Exists(Strace))
        {
            Assert.Ignore("strace is not installed (apt-get install -y strace).");
        }

        using var vault = new TestVault();
        string log = vault.Directory.File("strace.log");
        string[] tracer = [Strace, "-f", "-qq", "-A", "-o", log, "-e", "trace=execve,socket,connect,bind"];
        vault.Tracer = tracer;

        vault.Succeed("init", "--kdf-memory", "19");
        vault.Succeed("keygen", "--name", "alice");
        vault.Succeed("team", "keygen");
        var scenario = new ImportedScenario(ImportedScenario.RecipientOf(vault));
        vault.Succeed("import", vault.Directory.Write("scenario.wsbundle", scenario.Bundle));
        vault.Succeed("list");
        string id = CaseLookup.CaseC(vault);
        vault.Succeed("show", id);
        vault.Succeed("triage", id, "--status", "investigating");
        vault.Succeed("reply", id, "--text", "Thank you, we are looking into it.");
        vault.Succeed("export-replies", "--out", vault.Directory.File("replies.wsbundle"));
        vault.Succeed("case-export", id, "--out", vault.Directory.File("packet.html"), "--approved-by", "bruno");
        vault.Succeed("stats", "--out", vault.Directory.File("stats.csv"));
        RunTuiBriefly(vault, tracer);

        string[] calls = File.ReadAllLines(log);
        // init, keygen, team keygen, keys, import, list (twice), show, triage, reply, export-replies, case-export, stats, tui.
        Assert.That(calls.Count(l => l.Contains("execve(", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(14), "every run was traced");
        Assert.Multiple(() =>
        {
            // The only socket the .NET runtime opens is its diagnostics endpoint (what dotnet-trace/-counters attach to):
            // a Unix domain socket bound to /tmp/dotnet-diagnostic-<pid>-…-socket that only listens. Anything else —
            // AF_INET, AF_INET6, AF_NETLINK (interface lookups), or any connect() at all — fails.
            Assert.That(calls.Where(l => l.Contains("socket(", StringComparison.Ordinal) && !l.Contains("socket(AF_UNIX,", StringComparison.Ordinal)), Is.Empty);
            Assert.That(calls.Where(l => l.Contains("connect(", StringComparison.Ordinal)), Is.Empty);
            Assert.That(calls.Where(l => l.Contains("bind(", StringComparison.Ordinal) && !DiagnosticsBind().IsMatch(l)), Is.Empty);
        });
    }

    private static void RunTuiBriefly(TestVault vault, string[] tracer)
    {
        if (!TmuxSession.IsAvailable)
        {
            Assert.Ignore("tmux is not installed (apt-get install -y tmux).");
        }

        string command = string.Join(' ', "exec env", $"WHISTLE_REVIEW_PASSPHRASE_FILE={Quote(vault.PassphraseFile)}",
            string.Join(' ', tracer.Select(Quote)), Quote(WhistleReview.DotnetHost), Quote(WhistleReview.DllPath),
            "--data", Quote(vault.Root), "--as", TestVault.Actor, "tui");
        using TmuxSession tui = TmuxSession.Start(vault.Directory.Path, command);
        tui.WaitFor(s => s.Contains("F10 Quit", StringComparison.Ordinal), "the case list");
        tui.SendKeys("Enter");
        tui.WaitFor(s => CaseHeading().IsMatch(s), "the case text");
        tui.SendKeys("F10");
        tui.WaitForExit();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("""bind\(\d+, \{sa_family=AF_UNIX, sun_path="[^"]*/dotnet-diagnostic-\d+-\d+-socket"\}""")]
    private static partial Regex DiagnosticsBind();

    [GeneratedRegex("Case [0-9a-f]{8}")]
    private static partial Regex CaseHeading();
}
