using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class NoteCommandTests
{
    private const string NoteCanary = "CANARY-NOTE-c0ffee";

    [Test]
    public void Note_Text_ShownInCaseAndSearchableButNotInAuditDetails()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseB(vault);

        CliResult result = vault.Run("note", id, $"Called OIG intake; {NoteCanary}.\nSecond line.");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.StartWith($"Case {id}: note added ("));
        string show = vault.Succeed("show", id).StdoutText;
        Assert.That(show, Does.Contain($"Notes\n  ").And.Contain($" {TestVault.Actor}:\n    Called OIG intake; {NoteCanary}.\n    Second line.\n"));
        Assert.That(CaseLookup.IdOf(vault, NoteCanary.ToLowerInvariant()), Is.EqualTo(id));
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("show", id, "--json").StdoutText);
        JsonElement added = json.RootElement.GetProperty("history").EnumerateArray().Single(h => h.GetProperty("action").GetString() == "note.add");
        Assert.That(added.GetProperty("details").GetString(), Does.Match(@"^note [0-9a-f]{8} added \(\d+ characters\)$"));
    }

    [TestCase("   ", "the note is empty")]
    [TestCase("bell\u0007", "a note is plain text")]
    public void Note_InvalidText_Refused(string text, string error)
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseB(vault);
        var before = vault.Snapshot();

        CliResult result = vault.Run("note", id, text);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: " + error));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }
}
