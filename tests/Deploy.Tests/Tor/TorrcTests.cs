using System.Diagnostics;
using System.Text.RegularExpressions;
using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Tor;

[TestFixture]
public sealed class TorrcTests
{
    private const string Tor = "/usr/sbin/tor";

    private static readonly string TorrcPath = Path.Combine(Repo.Deploy, "tor", "torrc");

    private static string[] Lines() =>
        [.. File.ReadAllLines(TorrcPath).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))];

    [Test]
    public void VerifyConfig_WithDebianDefaultsAndRedirectedPaths_IsValid()
    {
        using var tree = new TorTree();

        var result = Run.Program(Tor, [.. tree.BaseArgs, "--verify-config"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdOut, Does.Contain("Configuration was valid"));
        var warnings = result.Output.Split('\n')
            .Where(l => l.Contains("[warn]", StringComparison.Ordinal) && !l.Contains("running Tor as root", StringComparison.Ordinal));
        Assert.That(warnings, Is.Empty);
    }

    [Test]
    public void Torrc_TwoOnionServices_SourcesAndTransferOnSeparateDirsAndPorts()
    {
        var text = string.Join('\n', Lines());

        Assert.That(text, Does.Contain(
            "HiddenServiceDir /var/lib/tor/whistlesubmit-sources/\nHiddenServiceVersion 3\nHiddenServicePort 80 127.0.0.1:5080"));
        Assert.That(text, Does.Contain(
            "HiddenServiceDir /var/lib/tor/whistlesubmit-transfer/\nHiddenServiceVersion 3\nHiddenServicePort 80 127.0.0.1:5081"));
        Assert.That(Lines().Count(l => l.StartsWith("HiddenServiceDir ", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [TestCase("SafeLogging 1")]
    [TestCase("SocksPort 0")]
    [TestCase("ControlPort 0")]
    [TestCase("Sandbox 1")]
    [TestCase("ORPort 0")]
    public void Torrc_GlobalDirective_IsPresent(string line)
    {
        Assert.That(Lines(), Does.Contain(line));
    }

    [Test]
    public void Torrc_PowDefence_EnabledWithRateAndBurstForEachService()
    {
        var lines = Lines();

        Assert.That(lines.Count(l => l == "HiddenServicePoWDefensesEnabled 1"), Is.EqualTo(2));
        Assert.That(lines.Count(l => Regex.IsMatch(l, @"^HiddenServicePoWQueueRate [1-9][0-9]*$")), Is.EqualTo(2));
        Assert.That(lines.Count(l => Regex.IsMatch(l, @"^HiddenServicePoWQueueBurst [1-9][0-9]*$")), Is.EqualTo(2));
    }

    [Test]
    public void Torrc_Logging_NoticeLevelOnly()
    {
        var logs = Lines().Where(l => l.StartsWith("Log ", StringComparison.Ordinal)).ToList();

        Assert.That(logs, Is.Not.Empty);
        Assert.That(logs, Has.All.Match(@"^Log notice (syslog|stdout|stderr)$"));
    }

    [Test]
    public void Tor_StartedOffline_CreatesBothServicesLoadsReviewerClientInSandbox()
    {
        Run.RequireRoot();
        using var tree = new TorTree();
        Directory.CreateDirectory(tree.ServiceDir("transfer"), TorTree.Private);
        var add = Run.Bash(Path.Combine(Repo.Deploy, "tor", "add-reviewer-client.sh"),
            "--root", tree.LibDir, "--service-dir", "/whistlesubmit-transfer", "--no-services", "new", "alice");
        Assert.That(add.ExitCode, Is.Zero, add.ToString());

        var info = new ProcessStartInfo(Tor) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in (string[])[.. tree.BaseArgs, "--RunAsDaemon", "0", "--DisableNetwork", "1", "--Log", "info stdout"])
        {
            info.ArgumentList.Add(arg);
        }

        using var tor = Process.Start(info)!;
        try
        {
            var loaded = false;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            string? line;
            while (DateTime.UtcNow < deadline && (line = tor.StandardOutput.ReadLine()) is not null)
            {
                loaded |= line.Contains("Loaded a client authorization key file alice.auth", StringComparison.Ordinal);
                Assert.That(line, Does.Not.Contain("Client authorization").And.Not.Contain("[err]"));
                if (loaded && File.Exists(Path.Combine(tree.ServiceDir("transfer"), "hostname"))
                    && File.Exists(Path.Combine(tree.ServiceDir("sources"), "hostname"))
                    && line.Contains("Bootstrapped 0%", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.That(loaded, Is.True, "tor did not load the reviewer's client key");
            foreach (var service in new[] { "sources", "transfer" })
            {
                var hostname = File.ReadAllText(Path.Combine(tree.ServiceDir(service), "hostname")).Trim();
                Assert.That(hostname, Does.Match("^[a-z2-7]{56}\\.onion$"));
            }

            // Seccomp mode 2 = a filter is installed: "Sandbox 1" is really on.
            var status = File.ReadAllText($"/proc/{tor.Id}/status");
            Assert.That(status, Does.Match(@"Seccomp:\s+2"));
        }
        finally
        {
            tor.Kill();
            tor.WaitForExit();
        }
    }
}
