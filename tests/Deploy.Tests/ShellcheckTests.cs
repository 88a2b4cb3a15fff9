using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests;

[TestFixture]
public sealed class ShellcheckTests
{
    private static IEnumerable<string> Scripts() =>
        Directory.EnumerateFiles(Repo.Deploy, "*.sh", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Repo.Root, p))
            .Order(StringComparer.Ordinal);

    [Test]
    public void Deploy_Scripts_AllFound()
    {
        Assert.That(Scripts(), Is.SupersetOf(new[]
        {
            "deploy/airgap/publish.sh", "deploy/portal/backup.sh", "deploy/portal/install.sh",
            "deploy/portal/restore.sh", "deploy/tor/add-reviewer-client.sh",
        }));
    }

    [TestCaseSource(nameof(Scripts))]
    public void Shellcheck_Script_Clean(string script)
    {
        // Every severity counts, "info" and "style" too: the scripts run as root on the server.
        var result = Run.Program("shellcheck", ["--severity=style", "--external-sources", script]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [TestCaseSource(nameof(Scripts))]
    public void Script_StrictModeAndExecutable(string script)
    {
        var path = Path.Combine(Repo.Root, script);
        var text = File.ReadAllText(path);

        Assert.That(text, Does.Contain("set -euo pipefail").Or.Contain("set -eu"));
        Assert.That(File.GetUnixFileMode(path) & UnixFileMode.UserExecute, Is.EqualTo(UnixFileMode.UserExecute));
    }
}
