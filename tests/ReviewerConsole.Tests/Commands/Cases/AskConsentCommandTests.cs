using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class AskConsentCommandTests
{
    [Test]
    public void AskConsent_ThenTheSourceAnswers_TheAnswerIsRecordedWithTheCase()
    {
        using TestVault vault = TestVault.WithKey();
        using var proven = new ProvenCase(vault, "KESTREL");
        string bundle = vault.Directory.File("ask.wsbundle");

        CliResult asked = vault.Run("ask-consent", proven.Id, "--destination", "press", "--destination", "osc");
        vault.Succeed("export-replies", "--out", bundle);

        Assert.That(asked.ExitCode, Is.Zero, asked.ToString());
        using BundleReader reader = BundleReader.Open(new MemoryStream(File.ReadAllBytes(bundle)));
        BundleItem item = reader.Manifest.Items.Single();
        Assert.That(item.Kind, Is.EqualTo(BundleItemKind.ConsentRequest));
        using var ciphertext = new MemoryStream();
        reader.OpenItem(item.Id).CopyTo(ciphertext);
        SignedConsentRequest request = SignedConsentRequest.Open(AgeEncryption.Decrypt(ciphertext.ToArray(), [proven.Source]), VaultAudit.TeamKey(vault), proven.Mailbox);
        Assert.That(request.Destinations, Is.EqualTo(new[] { "osc", "press" }), "canonical order");

        proven.ImportConsent(request.Id, ("osc", "yes"), ("press", "no"));

        string show = vault.Succeed("show", proven.Id).StdoutText;
        Assert.That(show, Does.Contain("Consent: osc yes (").And.Contain("; press no ("));
        Assert.That(show, Does.Contain("[Consent answer to request " + request.Id[..8] + "]"));
        using JsonDocument json = JsonDocument.Parse(vault.Succeed("show", proven.Id, "--json").StdoutText);
        Assert.That(json.RootElement.GetProperty("consent").EnumerateArray().Select(c => c.GetProperty("destination").GetString() + "=" + c.GetProperty("answer").GetString()),
            Is.EqualTo(new[] { "osc=yes", "press=no" }));
    }

    [Test]
    public void Answer_ToARequestTheCaseNeverSent_IsNotRecordedButAudited()
    {
        using TestVault vault = TestVault.WithKey();
        using var proven = new ProvenCase(vault, "PLOVER");

        proven.ImportConsent("20000000000000000000000000000001", ("osc", "yes"));

        Assert.That(vault.Succeed("show", proven.Id).StdoutText, Does.Contain("Consent: none recorded"));
        Assert.That(VaultAudit.Entries(vault).Single(e => e.Action == "consent.answer").Details, Does.Contain("not recorded"));
    }

    [Test]
    public void AskConsent_UnknownDestination_IsRefused()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("ask-consent", CaseLookup.CaseA(vault), "--destination", "ice");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain("\"ice\" is not a destination"));
    }
}
