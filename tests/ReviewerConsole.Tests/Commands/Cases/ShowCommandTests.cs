using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class ShowCommandTests
{
    [Test]
    public void Show_CaseA_ShowsReportFollowupAttachmentTypesHashesAndHistory()
    {
        using TestVault vault = TestVault.Imported();
        ImportedScenario s = Templates.Scenario;
        string id = CaseLookup.CaseA(vault);

        CliResult result = vault.Run("show", id);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        string text = result.StdoutText;
        Assert.That(text, Does.StartWith($"Case {id}   status: new   severity: -   assignee: -\n"));
        Assert.That(text, Does.Contain("Categories: unlawful use of force; injury or death"));
        Assert.That(text, Does.Contain("  Where: TX, Processing center"));
        Assert.That(text, Does.Contain(ImportedScenario.CanaryA));
        Assert.That(text, Does.Contain("Follow-up ").And.Contain(ImportedScenario.CanaryFollowup));
        // Types come from the bytes: "notes.txt" is a PNG, and the traversal name was reduced to a safe one.
        Assert.That(text, Does.Contain($"    001-notes.txt  PNG image  16 bytes  SHA-256 {Fixtures.Sha256(ImportedScenario.PngBytes)}\n"));
        Assert.That(text, Does.Contain($"    002-statement.pdf  PDF document  {ImportedScenario.PdfBytes.Length} bytes  SHA-256 {Fixtures.Sha256(ImportedScenario.PdfBytes)}\n"));
        Assert.That(text, Does.Contain("      original name: ../../etc/statement.pdf"));
        Assert.That(text, Does.Contain($"  Evidence: evidence/{s.Entries[0].Id}.age, {s.ReportA.Length:N0} bytes, SHA-256 {Fixtures.Sha256(s.ReportA)}"));
        Assert.That(text, Does.Contain("NEAR-DUPLICATE: description at least 80% the same as item " + s.Entries[2].Id[..8]));
        Assert.That(text, Does.Contain("History\n").And.Contain(": case.open case opened for a new source").And.Contain(": import.item submission, 2 attachments"));
    }

    [Test]
    public void Show_Json_CarriesDocumentItemsAndHashes()
    {
        using TestVault vault = TestVault.Imported();
        ImportedScenario s = Templates.Scenario;

        CliResult result = vault.Run("show", CaseLookup.CaseA(vault), "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.StdoutText);
        JsonElement[] items = [.. json.RootElement.GetProperty("items").EnumerateArray()];
        Assert.That(items.Select(i => i.GetProperty("kind").GetString()), Is.EqualTo(new[] { "submission", "followup" }));
        Assert.That(items[0].GetProperty("document").GetProperty("description").GetString(), Is.EqualTo(s.DescriptionA));
        Assert.That(items[0].GetProperty("ciphertext").GetProperty("sha256").GetString(), Is.EqualTo(Fixtures.Sha256(s.ReportA)));
        Assert.That(items[0].GetProperty("attachments")[0].GetProperty("type").GetString(), Is.EqualTo("image/png"));
        Assert.That(items[0].GetProperty("nearDuplicates")[0].GetProperty("item").GetString(), Is.EqualTo(s.Entries[2].Id));
        Assert.That(json.RootElement.GetProperty("replyRecipientFingerprint").GetString(),
            Is.EqualTo(WhistleSubmit.Crypto.Age.RecipientFingerprint.Compute(s.SourceA.Recipient.ToString())));
    }

    [Test]
    public void Show_EscapeSequenceInReport_NeverReachesTheTerminal()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("show", CaseLookup.CaseC(vault));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.Contain(ImportedScenario.CanaryC));
        Assert.That(result.StdoutText, Does.Not.Contain("\u001b"));
    }

    [TestCase("zz", "is not a case id")]
    [TestCase("abc", "is not a case id")]
    [TestCase("ffffffff", "no case has the id ffffffff")]
    public void Show_BadId_ClearError(string id, string error)
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("show", id);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: ").And.Contain(error));
    }

    [Test]
    public void Show_UniquePrefixInUpperCase_Resolves()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseC(vault);

        CliResult result = vault.Run("show", id[..5].ToUpperInvariant());

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.StartWith($"Case {id} "));
    }

    [Test]
    public void Show_V2Report_KeepsTheCaseProofButNeverTheCaseKey()
    {
        // The case key is a bearer secret: whoever holds it can file items into the case as proven. show --json
        // output travels (tickets, referrals), so the vault keeps only the proof.
        using TestVault vault = TestVault.WithKey();
        IRecipient team = AgeKeys.ParseRecipient(ImportedScenario.RecipientOf(vault));
        using var source = MlKem768X25519Identity.Generate();
        string mailbox = Fixtures.NewMailbox();
        string caseKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var report = Fixtures.Report("A v2 report: GODWIT.", source.Recipient.ToString()) with { V = 2, CaseKey = caseKey, MailboxId = mailbox };
        var entry = BundleEntry.Submission(mailbox, AgeEncryption.Encrypt(Fixtures.Container(report), [team]));
        vault.Succeed("import", vault.Directory.Write("v2.wsbundle", Fixtures.Bundle(entry)));

        using JsonDocument list = JsonDocument.Parse(vault.Succeed("list", "--json", "--search", "godwit").StdoutText);
        string id = list.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
        string json = vault.Succeed("show", id, "--json").StdoutText;
        string text = vault.Succeed("show", id).StdoutText;

        Assert.That(text, Does.Contain("Grouping: proven by the source's codename"));
        Assert.That(json + text, Does.Not.Contain(caseKey));
    }
}
