using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class StatusCommandTests
{
    [Test]
    public void Status_TwiceThenExport_ItemsOfKindStatusDecryptToSignedStatusesNumberedInOrder()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        string bundle = vault.Directory.File("status.wsbundle");

        CliResult first = vault.Run("status", id, "under-review");
        CliResult second = vault.Run("status", id, "referred", "--referred-to", "an Inspector General's office");
        vault.Succeed("export-replies", "--out", bundle);

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(second.StdoutText, Does.Match($"^Case {id}: status 2 \\(referred\\) queued for the source;"));
        using BundleReader reader = BundleReader.Open(new MemoryStream(File.ReadAllBytes(bundle)));
        TeamPublicKey team = VaultAudit.TeamKey(vault);
        reader.VerifyManifest(team);
        Assert.That(reader.Manifest.Items.Select(i => i.Kind), Is.All.EqualTo(BundleItemKind.Status));
        var statuses = reader.Manifest.Items.Select(item =>
        {
            using var ciphertext = new MemoryStream();
            reader.OpenItem(item.Id).CopyTo(ciphertext);
            return SignedCaseStatus.Open(AgeEncryption.Decrypt(ciphertext.ToArray(), [Templates.Scenario.SourceA]), team, Templates.Scenario.MailboxA);
        }).OrderBy(s => s.Seq).ToList();
        Assert.That(statuses.Select(s => (s.Seq, s.Status, s.ReferredTo)),
            Is.EqualTo(new[] { (1L, "under-review", (string?)null), (2L, "referred", "an Inspector General's office") }));
        Assert.That(statuses[1].IsNewerThan(statuses[0]), Is.True);
        string show = vault.Succeed("show", id).StdoutText;
        Assert.That(show, Does.Contain("The source sees: referred (to an Inspector General's office) (status 2, exported "));
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("show", id, "--json").StdoutText);
        Assert.That(json.RootElement.GetProperty("sourceStatus").GetProperty("status").GetString(), Is.EqualTo("referred"));
        Assert.That(VaultAudit.Actions(vault).Count(a => a == "source-status.queue"), Is.EqualTo(2));
    }

    [TestCase("dismissed")]
    [TestCase("closed", "--referred-to", "OSC")]
    [TestCase("referred", "--referred-to", "two\nlines")]
    public void Status_NotAStatusTheSourceCanSee_IsRefusedAndQueuesNothing(params string[] args)
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);

        CliResult result = vault.Run(["status", id, .. args]);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(vault.Run("export-replies", "--out", vault.Directory.File("r.wsbundle")).StdoutText, Does.StartWith("No replies are waiting"));
    }

    [Test]
    public void Help_NamesTheStatuses()
    {
        using TestVault vault = TestVault.Imported();

        string help = vault.Succeed("status", "--help").StdoutText;

        Assert.That(help, Does.Contain("received, under-review, referred").And.Contain("--referred-to"));
    }
}
