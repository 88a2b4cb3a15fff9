using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class TriageCommandTests
{
    [Test]
    public void Triage_SeveralFields_EachChangeRecordedInHistoryWithActor()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);

        CliResult result = vault.Run("triage", id, "--status", "triaging", "--severity", "4", "--assign", "Bob", "--tag", "OIG", "--tag", "urgent");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Is.EqualTo(
            $"Case {id}: status new -> triaging\nCase {id}: severity - -> 4\nCase {id}: assign - -> Bob\nCase {id}: tag oig\nCase {id}: tag urgent\n"));
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("show", id, "--json").StdoutText);
        JsonElement root = json.RootElement;
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("triaging"));
        Assert.That(root.GetProperty("severity").GetInt32(), Is.EqualTo(4));
        Assert.That(root.GetProperty("assignee").GetString(), Is.EqualTo("Bob"));
        Assert.That(root.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "oig", "urgent" }));
        var history = root.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("action").GetString()!.StartsWith("case.", StringComparison.Ordinal)
            && h.GetProperty("action").GetString() != "case.open").ToList();
        Assert.That(history.Select(h => h.GetProperty("action").GetString()), Is.EqualTo(new[] { "case.status", "case.severity", "case.assign", "case.tag", "case.tag" }));
        Assert.That(history.Select(h => h.GetProperty("actor").GetString()), Is.All.EqualTo(TestVault.Actor));
        Assert.That(vault.Succeed("list", "--json", "--status", "triaging").StdoutText, Does.Contain(id));
    }

    [Test]
    public void Triage_AnyTransition_IsAllowedAndRecorded()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);
        vault.Succeed("triage", id, "--status", "closed");

        CliResult result = vault.Run("triage", id, "--status", "new", "--untag", "none", "--assign", "");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Is.EqualTo($"Case {id}: status closed -> new\n"));
        Assert.That(vault.Succeed("show", id).StdoutText, Does.Contain(": case.status closed -> new"));
    }

    [Test]
    public void Triage_SameValues_WritesNothing()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseB(vault);
        var before = vault.Snapshot();

        CliResult result = vault.Run("triage", id, "--status", "new");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.Contain("no change"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [TestCase(new[] { "--severity", "7" }, "severity is a number from 1 (low) to 5")]
    [TestCase(new[] { "--severity", "0" }, "severity is a number from 1 (low) to 5")]
    [TestCase(new[] { "--status", "done" }, "unknown status")]
    [TestCase(new[] { "--tag", "a b" }, "a tag is 1 to 40 letters")]
    [TestCase(new string[0], "nothing to change")]
    public void Triage_InvalidChange_RefusedWithoutWriting(string[] options, string error)
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseB(vault);
        var before = vault.Snapshot();

        CliResult result = vault.Run(["triage", id, .. options]);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: " + error));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }
}
