using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class RedactCommandTests
{
    private const string Secret = "handcuffed to a bench";

    [Test]
    public void Redact_AddListRemove_KeepsNumbersAndAuditsWithoutTheText()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);

        CliResult text = vault.Run("redact", id, "--text", Secret.ToUpperInvariant());
        CliResult span = vault.Run("redact", id, "--field", "description", "--from", "0", "--to", "2");
        CliResult attachment = vault.Run("redact", id, "--attachment", "2");
        CliResult removed = vault.Run("redact", id, "--remove", "1");
        CliResult again = vault.Run("redact", id, "--text", Secret);

        Assert.That(new[] { text, span, attachment, removed, again }.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", new[] { text, span, attachment, removed, again }.Select(r => r.ToString())));
        Assert.That(text.StdoutText, Does.Contain("mark 1 added").And.Not.Contain(Secret).IgnoreCase);
        Assert.That(attachment.StdoutText, Does.Contain("mark 3 added"));
        Assert.That(again.StdoutText, Does.Contain("mark 4 added"), "a number is never given twice");
        using JsonDocument list = JsonDocument.Parse(vault.Succeed("redact", id, "--list", "--json").StdoutText);
        JsonElement[] marks = [.. list.RootElement.GetProperty("marks").EnumerateArray()];
        Assert.That(marks.Select(m => $"{m.GetProperty("number").GetInt32()} {m.GetProperty("kind").GetString()}"), Is.EqualTo(new[] { "2 span", "3 attachment", "4 text" }));
        Assert.That(marks[0].GetProperty("text").GetString(), Is.EqualTo("On"));
        Assert.That(list.RootElement.GetProperty("salt").GetString(), Does.Match("^[0-9a-f]{64}$"));
        Assert.That(vault.Succeed("redact", id, "--list").StdoutText, Does.Contain("3 redaction mark(s)").And.Contain("description (").And.Contain("-2  ../../etc/statement.pdf"));
        string[] audit = [.. VaultAudit.Entries(vault).Where(e => e.Action.StartsWith("redaction.", StringComparison.Ordinal)).Select(e => $"{e.Action} {e.Details}")];
        Assert.That(audit, Has.Length.EqualTo(5).And.Contains("redaction.remove mark 1 removed (text)"));
        Assert.That(audit, Has.None.Contains("handcuffed").IgnoreCase);
        Assert.That(vault.Run("audit", "verify").ExitCode, Is.Zero);
    }

    [Test]
    public void Redact_Refusals_ExplainAndChangeNothing()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        var before = vault.Snapshot();
        string unknownText = "a phrase that is in no report " + Guid.NewGuid().ToString("N");

        (string[] Args, string Error)[] cases =
        [
            (["--field", "description", "--from", "0", "--to", "100000"], "is not inside the description"),
            (["--field", "description", "--from", "5", "--to", "5"], "is not inside"),
            (["--field", "description", "--from", "-1", "--to", "3"], "is not inside"),
            (["--field", "message", "--item", "ffff", "--from", "0", "--to", "1"], "no item ffff"),
            (["--field", "name", "--from", "0", "--to", "1"], "there is no field"),
            (["--field", "description", "--from", "0"], "--field needs --from and --to"),
            (["--attachment", "9"], "no attachment 9"),
            (["--attachment", "x-1"], "not an item id"),
            (["--attachment", "two"], "is not an attachment"),
            (["--text", unknownText], "does not occur"),
            (["--text", " "], "characters on one line"),
            (["--remove", "42"], "no redaction mark 42"),
            (["--text", "officers", "--attachment", "1"], "exactly one"),
            ([], "exactly one"),
        ];

        Assert.Multiple(() =>
        {
            foreach ((string[] args, string error) in cases)
            {
                CliResult result = vault.Run(["redact", id, .. args]);
                Assert.That(result.ExitCode, Is.EqualTo(1), string.Join(' ', args));
                Assert.That(result.Stderr, Does.Contain(error), string.Join(' ', args));
                Assert.That(result.Stderr, Does.Not.Contain(unknownText), "errors never repeat the text");
            }
        });
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Redact_Help_ExplainsEveryForm()
    {
        CliResult help = WhistleReview.Run(Path.GetTempPath(), ["redact", "--help"]);

        Assert.That(help.ExitCode, Is.Zero);
        Assert.That(help.StdoutText, Does.Contain("--text").And.Contain("--field").And.Contain("--attachment").And.Contain("--remove").And.Contain("--list"));
    }
}
