using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class ListCommandTests
{
    [Test]
    public void List_ImportedScenario_OneCasePerSourceWithFlagsAndSafeSummaries()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        string[] lines = result.StdoutText.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Does.Match("^ID +STATUS +SEV +OPENED +ITEMS +ASSIGNEE +FLAGS +SUMMARY$"));
        Assert.That(lines, Has.Length.EqualTo(4), "three sources, three cases");
        Assert.That(lines.Count(l => l.Contains(" near,v1 ", StringComparison.Ordinal)), Is.EqualTo(2), "A and B flag each other");
        Assert.That(lines.Skip(1).All(l => l.Contains("v1", StringComparison.Ordinal)), "the scenario's items are v1: grouping not proven");
        Assert.That(lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^[0-9a-f]{8}  new  ")), Is.EqualTo(3));
        Assert.That(result.StdoutText, Does.Not.Contain("\u001b"), "the escape sequence in C's report never reaches the terminal");
        Assert.That(result.StdoutText, Does.Contain("Supervisors \uFFFD[31mset arrest quotas"));
    }

    [Test]
    public void List_Json_HasCountsCategoriesAndFlags()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("list", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        JsonElement a = json.RootElement.EnumerateArray().Single(c => c.GetProperty("followups").GetInt32() == 1);
        Assert.That(a.GetProperty("id").GetString(), Has.Length.EqualTo(8));
        Assert.That(a.GetProperty("fullId").GetString(), Has.Length.EqualTo(32).And.StartsWith(a.GetProperty("id").GetString()));
        Assert.That(a.GetProperty("submissions").GetInt32(), Is.EqualTo(1));
        Assert.That(a.GetProperty("attachments").GetInt32(), Is.EqualTo(2));
        Assert.That(a.GetProperty("status").GetString(), Is.EqualTo("new"));
        Assert.That(a.GetProperty("categories").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "unlawful-force", "injury-or-death" }));
        Assert.That(a.GetProperty("nearDuplicate").GetBoolean(), Is.True);
        Assert.That(a.GetProperty("duplicate").GetBoolean(), Is.False);
        Assert.That(result.StdoutText, Does.Not.Contain("\u001b"));
    }

    [TestCase("--status", "new", 3)]
    [TestCase("--status", "closed", 0)]
    [TestCase("--category", "arrest-quotas", 1)]
    [TestCase("--category", "unlawful-force", 2)]
    [TestCase("--search", "canary-charlie", 1, Description = "case-insensitive")]
    [TestCase("--search", "handcuffed to a bench", 2)]
    [TestCase("--search", "no such words anywhere", 0)]
    public void List_Filter_KeepsMatchingCases(string option, string value, int expected)
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("list", "--json", option, value);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        Assert.That(json.RootElement.GetArrayLength(), Is.EqualTo(expected));
    }

    [TestCase("--status", "pending", "unknown status")]
    [TestCase("--category", "parking", "unknown category")]
    public void List_UnknownFilterValue_ListsTheValidOnes(string option, string value, string error)
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("list", option, value);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: " + error));
        Assert.That(result.Stderr, Does.Contain("hint: use one of: "));
    }

    [Test]
    public void List_EmptyVault_SaysNoCases()
    {
        using TestVault vault = TestVault.WithKey();

        CliResult result = vault.Run("list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Is.EqualTo("No cases match.\n"));
    }
}
