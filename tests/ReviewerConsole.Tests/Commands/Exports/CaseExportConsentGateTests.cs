using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Exports;

/// <summary>case-export's consent gate (issue 19): the source's recorded yes, or a second reviewer's approval, each audited.</summary>
[TestFixture]
public sealed class CaseExportConsentGateTests
{
    private const string SecondVariable = "WHISTLE_REVIEW_SECOND_PASSPHRASE_FILE";

    [Test]
    public void CaseExport_NoConsentNoApprover_IsRefusedWritesNothingAndIsAudited()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        string output = vault.Directory.File("packet.html");

        CliResult result = vault.Run("case-export", id, "--out", output, "--destination", "oig");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain("can't be exported alone: its source has not answered for oig").And.Contain("--approved-by"));
        Assert.That(File.Exists(output), Is.False);
        var entry = VaultAudit.Entries(vault).Last();
        Assert.That((entry.Action, entry.Actor), Is.EqualTo(("case.export.refused", TestVault.Actor)));
    }

    [Test]
    public void CaseExport_ApproverIsTheReviewerActing_IsRefused()
    {
        using TestVault vault = TestVault.Imported();
        vault.Environment[SecondVariable] = vault.PassphraseFile;

        CliResult result = vault.Run("case-export", CaseLookup.CaseA(vault), "--out", vault.Directory.File("p.html"), "--approved-by", TestVault.Actor);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain("someone other than you"));
        Assert.That(VaultAudit.Actions(vault)[^1], Is.EqualTo("case.export.refused"));
    }

    [Test]
    public void CaseExport_SecondPassphraseWrong_IsRefusedAndAuditedNamingTheApprover()
    {
        using TestVault vault = TestVault.Imported();
        vault.Environment[SecondVariable] = vault.Directory.Write("wrong.txt", "not the passphrase\n");
        string output = vault.Directory.File("p.html");

        CliResult result = vault.Run("case-export", CaseLookup.CaseA(vault), "--out", output, "--approved-by", "bruno");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(File.Exists(output), Is.False);
        var entry = VaultAudit.Entries(vault).Last();
        Assert.That(entry.Action, Is.EqualTo("case.export.refused"));
        Assert.That(entry.Details, Does.Contain("approval by bruno failed"));
    }

    [Test]
    public void CaseExport_ApprovedBySecondReviewer_WritesAndAuditsBothNames()
    {
        using TestVault vault = TestVault.Imported();
        vault.Environment[SecondVariable] = vault.PassphraseFile;
        string output = vault.Directory.File("p.html");

        CliResult result = vault.Run("case-export", CaseLookup.CaseA(vault), "--out", output, "--destination", "press", "--approved-by", "bruno");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.Exists(output), Is.True);
        var entry = VaultAudit.Entries(vault).Last();
        Assert.That(entry.Action, Is.EqualTo("case.export.approved"));
        Assert.That(entry.Actor, Is.EqualTo(TestVault.Actor));
        Assert.That(entry.Details, Does.Contain("approved by bruno (vault passphrase typed again; the name is unverified), requested by " + TestVault.Actor).And.Contain("destination press"));
    }

    [Test]
    public void CaseExport_SourceSaidYesForTheDestination_NeedsNoSecondReviewer_ButNoStillDoes()
    {
        using TestVault vault = TestVault.WithKey();
        using var proven = new ProvenCase(vault, "CURLEW");
        vault.Succeed("ask-consent", proven.Id, "--destination", "osc", "--destination", "press");
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("show", proven.Id, "--json").StdoutText);
        string request = json.RootElement.GetProperty("replies").EnumerateArray().Single().GetProperty("id").GetString()!;
        proven.ImportConsent(request, ("osc", "yes"), ("press", "no"));

        CliResult osc = vault.Run("case-export", proven.Id, "--out", vault.Directory.File("osc.html"), "--destination", "osc");
        CliResult press = vault.Run("case-export", proven.Id, "--out", vault.Directory.File("press.html"), "--destination", "press");

        Assert.That(osc.ExitCode, Is.Zero, osc.ToString());
        Assert.That(press.ExitCode, Is.EqualTo(1), press.ToString());
        Assert.That(press.Stderr, Does.Contain("its source answered no for press"));
        var entries = VaultAudit.Entries(vault);
        Assert.That(entries.Single(e => e.Action == "case.export").Details, Does.Contain("destination osc: the source consented"));
        Assert.That(entries[^1].Action, Is.EqualTo("case.export.refused"));
    }
}
