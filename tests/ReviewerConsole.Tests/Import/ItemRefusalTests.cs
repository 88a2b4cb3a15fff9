using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Import;

/// <summary>
/// Issue 13/15 and auditor finding 9: once the bundle verified, one bad item (junk anyone can upload encrypted to the
/// team, an item for other keys, an id already in the vault with other contents) is refused, not the whole bundle.
/// </summary>
[TestFixture]
public sealed class ItemRefusalTests
{
    [Test]
    public void Import_JunkEncryptedToTheTeamBesideAGoodItem_GoodImportedJunkRefusedReceiptListsOnlyTheGood()
    {
        using TestVault vault = TestVault.WithKey();
        string recipient = ImportedScenario.RecipientOf(vault);
        var good = BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(Fixtures.Container(Fixtures.Report("A real report: KESTREL.", null)), recipient));
        var junk = BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(Encoding.ASCII.GetBytes("flood CANARY-JUNK-5150"), recipient));
        string receipt = vault.Directory.File("r.json");

        CliResult result = vault.Run("import", vault.Directory.Write("flood.wsbundle", Fixtures.Bundle(junk, good)), "--receipt", receipt);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"whistle-review: warning: item 1 of 2 ({junk.Id[..8]}) was refused and not imported: "
            + "it decrypted, but its contents are not a valid submission"));
        Assert.That(result.Stderr, Does.Contain("whistle-review: error: 1 item was refused (reasons above); the rest is in the vault"));
        Assert.That(result.ToString(), Does.Not.Contain("CANARY-JUNK"));
        Assert.That(result.StdoutText, Does.Contain("Imported 1 new items"));
        Assert.That(vault.Succeed("list", "--search", "kestrel").StdoutText, Does.Not.Contain("No cases match."));
        Assert.That(File.Exists(Path.Combine(vault.Root, "evidence", junk.Id + ".age")), Is.False);
        Assert.That(File.Exists(Path.Combine(vault.Root, "evidence", good.Id + ".age")), Is.True);
        Assert.That(ReceiptItems(vault, receipt), Is.EqualTo(new[] { good.Id }));
        Assert.That(Directory.Exists(Path.Combine(vault.Root, "staging")), Is.False);
        Assert.That(VaultAudit.Entries(vault).Where(e => e.Action == "import.refused").Select(e => e.ItemId), Is.EqualTo(new[] { junk.Id }));
        Assert.That(vault.Succeed("audit", "verify").ExitCode, Is.Zero);

        // The next bundle imports: the junk blocks nothing.
        var next = BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(Fixtures.Container(Fixtures.Report("Later: PLOVER.", null)), recipient));
        vault.Succeed("import", vault.Directory.Write("next.wsbundle", Fixtures.Bundle(next)));
    }

    [Test]
    public void Import_ItemEncryptedToAKeyNotInTheVault_RefusedRestImported()
    {
        using TestVault vault = TestVault.WithKey();
        string recipient = ImportedScenario.RecipientOf(vault);
        var good = BundleEntry.Submission(Fixtures.NewMailbox(), MaliciousBundles.ValidReport(recipient));
        var foreign = BundleEntry.Followup(Fixtures.NewMailbox(),
            Fixtures.Encrypt(Fixtures.FollowUp("x"), MlKem768X25519Identity.Generate().Recipient.ToString()));
        string receipt = vault.Directory.File("r.json");

        CliResult result = vault.Run("import", vault.Directory.Write("two.wsbundle", Fixtures.Bundle(good, foreign)), "--receipt", receipt);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"whistle-review: warning: item 2 of 2 ({foreign.Id[..8]}) was refused and not imported: "
            + "it could not be decrypted with this vault's keys"));
        Assert.That(result.Stderr, Does.Contain("item 2 of 2: refused"));
        Assert.That(ReceiptItems(vault, receipt), Is.EqualTo(new[] { good.Id }));
        Assert.That(File.Exists(Path.Combine(vault.Root, "evidence", foreign.Id + ".age")), Is.False);
    }

    [Test]
    public void Import_IdInTheVaultWithOtherContents_RefusedNotInReceiptAndStoredItemUntouched()
    {
        using TestVault vault = TestVault.Imported();
        BundleEntry known = Templates.Scenario.Entries[0];
        var forged = known with { Data = Fixtures.Encrypt(Fixtures.Container(Fixtures.Report("Other contents: SHRIKE.", null)), ImportedScenario.RecipientOf(vault)) };
        BundleEntry same = Templates.Scenario.Entries[1];
        string evidence = Path.Combine(vault.Root, "evidence", known.Id + ".age");
        byte[] before = File.ReadAllBytes(evidence);
        string receipt = vault.Directory.File("r.json");

        CliResult result = vault.Run("import", vault.Directory.Write("clash.wsbundle", Fixtures.Bundle(forged, same)), "--receipt", receipt);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"whistle-review: warning: item 1 of 2 ({known.Id[..8]}) was refused and not imported: "
            + "an item with its id is already in the vault with other contents"));
        Assert.That(result.StdoutText, Does.Contain("Imported 0 new items (1 already in the vault)"));
        Assert.That(ReceiptItems(vault, receipt), Is.EqualTo(new[] { same.Id }), "the portal may not delete the forged item as if imported");
        Assert.That(File.ReadAllBytes(evidence), Is.EqualTo(before));
        Assert.That(VaultAudit.Entries(vault).Where(e => e.Action == "import.refused").Select(e => e.ItemId), Is.EqualTo(new[] { known.Id }));
        Assert.That(vault.Succeed("audit", "verify").ExitCode, Is.Zero);
    }

    [TestCaseSource(typeof(MaliciousBundles), nameof(MaliciousBundles.ItemCases))]
    public void Import_BundleWithOneBadItem_ItemRefusedWithItsReasonNothingOfItStored(Func<string, byte[]> build, string reason)
    {
        using TestVault vault = TestVault.Imported();
        string receipt = vault.Directory.File("r.json");
        int evidenceBefore = Directory.GetFiles(Path.Combine(vault.Root, "evidence")).Length;

        CliResult result = vault.Run("import", vault.Directory.Write("evil.wsbundle", build(ImportedScenario.RecipientOf(vault))), "--receipt", receipt);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Match refused = Regex.Match(result.Stderr, @"whistle-review: warning: item (\d+) of \1 \(([0-9a-f]{8})\) was refused and not imported: " + Regex.Escape(reason));
        Assert.That(refused.Success, Is.True, result.ToString());
        Assert.That(result.Stderr, Does.Contain("whistle-review: error: 1 item was refused (reasons above); the rest is in the vault"));
        Assert.That(result.ToString(), Does.Not.Contain("CANARY"));
        string prefix = refused.Groups[2].Value;
        IReadOnlyList<string> listed = ReceiptItems(vault, receipt);
        Assert.That(listed, Has.None.StartsWith(prefix));
        Assert.That(Directory.GetFiles(Path.Combine(vault.Root, "evidence")), Has.Length.EqualTo(evidenceBefore + listed.Count));
        Assert.That(Directory.GetFiles(Path.Combine(vault.Root, "evidence")).Select(Path.GetFileName), Has.None.StartsWith(prefix));
        Assert.That(Directory.Exists(Path.Combine(vault.Root, "staging")), Is.False);
        Assert.That(VaultAudit.Entries(vault).Where(e => e.Action == "import.refused").Select(e => e.ItemId![..8]), Is.EqualTo(new[] { prefix }));
    }

    private static IReadOnlyList<string> ReceiptItems(TestVault vault, string path)
    {
        using JsonDocument r = JsonDocument.Parse(SignedDocument.Open(File.ReadAllBytes(path), VaultAudit.TeamKey(vault), "import-receipt"));
        return [.. r.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetString()!)];
    }
}
