using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Import;

[TestFixture]
public sealed class ImportCommandTests
{
    [Test]
    public void Import_ValidBundle_KeepsOriginalCiphertextAndWritesReceiptNextToBundle()
    {
        using TestVault vault = TestVault.WithKey();
        var scenario = new ImportedScenario(ImportedScenario.RecipientOf(vault));
        string bundle = vault.Directory.Write("export-1.wsbundle", scenario.Bundle);

        CliResult result = vault.Run("import", bundle);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        string receiptPath = vault.Directory.File("export-1.receipt.json");
        Assert.That(result.StdoutText, Does.Contain("Imported 4 new items (0 already in the vault) from bundle " + Fixtures.Sha256(scenario.Bundle)));
        Assert.That(result.StdoutText, Does.Contain("Receipt for 'whistle-portal confirm': " + receiptPath));
        Assert.That(result.Stderr, Does.Contain("item 1 of 4: decrypted and checked").And.Contain("item 4 of 4: decrypted and checked"));
        AssertReceipt(vault, receiptPath, scenario.Bundle, scenario.Entries.Select(e => e.Id));
        foreach (BundleEntry entry in scenario.Entries)
        {
            string evidence = Path.Combine(vault.Root, "evidence", entry.Id + ".age");
            Assert.That(File.ReadAllBytes(evidence), Is.EqualTo(entry.Data), "evidence is the original ciphertext");
            Assert.That(FileModes.Of(evidence), Is.EqualTo(FileModes.OwnerOnly));
        }

        Assert.That(Directory.Exists(Path.Combine(vault.Root, "staging")), Is.False);
    }

    [Test]
    public void Import_SameBundleTwice_ChangesNothingAndRewritesReceipt()
    {
        using TestVault vault = TestVault.Imported();
        string bundle = vault.Directory.Write("again.wsbundle", Templates.Scenario.Bundle);
        var before = vault.Snapshot();

        CliResult result = vault.Run("import", bundle, "--receipt", vault.Directory.File("r.json"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.StartWith("Imported 0 new items (4 already in the vault)"));
        Assert.That(result.Stderr, Does.Contain("item 2 of 4: already in the vault"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
        AssertReceipt(vault, vault.Directory.File("r.json"), Templates.Scenario.Bundle, Templates.Scenario.Entries.Select(e => e.Id));
    }

    [Test]
    public void Import_BundleWithKnownAndNewItems_ImportsOnlyNewAndReceiptListsBoth()
    {
        using TestVault vault = TestVault.Imported();
        string recipient = ImportedScenario.RecipientOf(vault);
        BundleEntry known = Templates.Scenario.Entries[0];
        var fresh = BundleEntry.Followup(Templates.Scenario.MailboxA, Fixtures.Encrypt(Fixtures.FollowUp("Another detail."), recipient));
        byte[] bytes = Fixtures.Bundle(known, fresh);
        string bundle = vault.Directory.Write("mixed.wsbundle", bytes);

        CliResult result = vault.Run("import", bundle);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.StartWith("Imported 1 new items (1 already in the vault)"));
        Assert.That(result.StdoutText, Does.Not.Contain("New cases"), "the follow-up joined source A's case");
        AssertReceipt(vault, vault.Directory.File("mixed.receipt.json"), bytes, [known.Id, fresh.Id]);
    }

    [Test]
    public void Import_FollowUpsOnAnExistingCase_AnnouncedAndFlaggedUntilShown()
    {
        using TestVault vault = TestVault.Imported();
        string recipient = ImportedScenario.RecipientOf(vault);
        string caseA = CaseLookup.CaseA(vault);
        byte[] bytes = Fixtures.Bundle(
            BundleEntry.Followup(Templates.Scenario.MailboxA, Fixtures.Encrypt(Fixtures.FollowUp("One more detail."), recipient)),
            BundleEntry.Followup(Templates.Scenario.MailboxA, Fixtures.Encrypt(Fixtures.FollowUp("And another."), recipient)));

        CliResult result = vault.Run("import", vault.Directory.Write("more.wsbundle", bytes));

        Assert.That(result.StdoutText, Does.Contain($"\n2 new messages on {caseA}\n"), result.ToString());
        Assert.That(ListLine(vault, caseA), Does.Contain(" new:2"));
        Assert.That(Unread(vault, caseA), Is.EqualTo(2));

        vault.Succeed("show", caseA);

        Assert.That(ListLine(vault, caseA), Does.Not.Contain("new:"));
        Assert.That(Unread(vault, caseA), Is.Zero);
    }

    private static string ListLine(TestVault vault, string caseId) =>
        vault.Succeed("list").StdoutText.Split('\n').Single(l => l.StartsWith(caseId, StringComparison.Ordinal));

    private static int Unread(TestVault vault, string caseId)
    {
        using JsonDocument list = JsonDocument.Parse(vault.Succeed("list", "--json").StdoutText);
        return list.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == caseId).GetProperty("unreadMessages").GetInt32();
    }

    [Test]
    public void Import_TwoItemsWithIdenticalPlaintext_FlaggedAsDuplicatesBothWays()
    {
        using TestVault vault = TestVault.Imported();
        string recipient = ImportedScenario.RecipientOf(vault);
        byte[] container = Fixtures.Container(Fixtures.Report("The same words, sent twice: WALRUS.", null));
        var first = BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(container, recipient));
        var second = BundleEntry.Submission(Fixtures.NewMailbox(), Fixtures.Encrypt(container, recipient));
        string bundle = vault.Directory.Write("twice.wsbundle", Fixtures.Bundle(first, second));

        vault.Succeed("import", bundle);

        using JsonDocument list = JsonDocument.Parse(vault.Succeed("list", "--json", "--search", "walrus").StdoutText);
        Assert.That(list.RootElement.EnumerateArray().Select(c => c.GetProperty("duplicate").GetBoolean()), Is.EqualTo(new[] { true, true }));
        string shown = vault.Succeed("show", list.RootElement[0].GetProperty("id").GetString()!).StdoutText;
        Assert.That(shown, Does.Contain("DUPLICATE: identical to item ").And.Contain(list.RootElement[1].GetProperty("id").GetString()));
    }

    [TestCaseSource(typeof(MaliciousBundles), nameof(MaliciousBundles.Cases))]
    public void Import_MaliciousBundle_ClearErrorAndVaultByteForByteUnchanged(Func<string, byte[]> build, string error)
    {
        using TestVault vault = TestVault.Imported();
        string bundle = vault.Directory.Write("evil.wsbundle", build(ImportedScenario.RecipientOf(vault)));
        var before = vault.Snapshot();
        var directories = vault.Directories();

        CliResult result = vault.Run("import", bundle);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        string pattern = Regex.Escape(error).Replace(@"\{id}", "[0-9a-f]{8}", StringComparison.Ordinal).Replace(@"\{n}", "[0-9,]+", StringComparison.Ordinal);
        Assert.That(result.Stderr, Does.Match(pattern + "\nwhistle-review: hint: "));
        Assert.That(result.Stderr, Does.Not.Contain(": imported"));
        Assert.That(result.Stderr, Does.Not.Contain("CANARY"));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
        Assert.That(vault.Directories(), Is.EqualTo(directories), "no staging directory left");
        Assert.That(File.Exists(vault.Directory.File("evil.receipt.json")), Is.False);
    }

    [Test]
    public void Import_TruncatedBundle_SaysHowMuchIsThereAndToCopyItAgain()
    {
        using TestVault vault = TestVault.WithKey();
        byte[] whole = new ImportedScenario(ImportedScenario.RecipientOf(vault)).Bundle;
        byte[] cut = whole[..(whole.Length / 2)];
        string bundle = vault.Directory.Write("cut.wsbundle", cut);

        CliResult result = vault.Run("import", bundle);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.StartWith(string.Create(CultureInfo.InvariantCulture,
            $"whistle-review: error: the bundle is truncated: {cut.Length:N0} of {whole.Length:N0} bytes; nothing was imported\n")));
        Assert.That(result.Stderr, Does.Contain("hint: it was cut short in a copy or download: copy it again").And.Not.Contain("fresh export"));
    }

    [Test]
    public void Import_LeftoverStagingFromKilledImport_IsRemoved()
    {
        using TestVault vault = TestVault.WithKey();
        string leftover = Path.Combine(vault.Root, "staging", "0123456789abcdef0123456789abcdef");
        Directory.CreateDirectory(leftover);
        File.WriteAllBytes(Path.Combine(leftover, "x.age"), [1, 2, 3]);
        string bundle = vault.Directory.Write("b.wsbundle", Templates.Scenario.Bundle);

        CliResult result = vault.Run("import", bundle);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(Directory.Exists(Path.Combine(vault.Root, "staging")), Is.False);
    }

    [Test]
    public void Import_MissingFile_SaysSo()
    {
        using TestVault vault = TestVault.WithKey();

        CliResult result = vault.Run("import", vault.Directory.File("nope.wsbundle"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: can't open bundle"));
    }

    [Test]
    public void Import_VaultWithoutKeys_AsksForKeygen()
    {
        using TestVault vault = TestVault.Initialized();
        string bundle = vault.Directory.Write("b.wsbundle", Templates.Scenario.Bundle);
        var before = vault.Snapshot();

        CliResult result = vault.Run("import", bundle);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault has no team key yet"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Import_VaultWithKeyButNoTeamKey_AsksForTeamKeygenAndImportsNothing()
    {
        using TestVault vault = TestVault.Initialized();
        vault.Succeed("keygen", "--name", "alice");
        var scenario = new ImportedScenario(ImportedScenario.RecipientOf(vault));
        string bundle = vault.Directory.Write("b.wsbundle", scenario.Bundle);
        var before = vault.Snapshot();

        CliResult result = vault.Run("import", bundle);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault has no team key yet").And.Contain("whistle-review team keygen"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
        Assert.That(File.Exists(vault.Directory.File("b.receipt.json")), Is.False);
    }

    // A version 2 receipt, signed with the vault's team key, naming the audit chain's head after the import.
    private static void AssertReceipt(TestVault vault, string path, byte[] bundle, IEnumerable<string> ids)
    {
        byte[] payload = SignedDocument.Open(File.ReadAllBytes(path), VaultAudit.TeamKey(vault), "import-receipt");
        using JsonDocument receipt = JsonDocument.Parse(payload);
        Assert.That(receipt.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "v", "bundleSha256", "items", "auditHead" }));
        Assert.That(receipt.RootElement.GetProperty("v").GetInt32(), Is.EqualTo(2));
        Assert.That(receipt.RootElement.GetProperty("auditHead").GetString(), Is.EqualTo(VaultAudit.Entries(vault).Last().Hash));
        Assert.That(receipt.RootElement.GetProperty("bundleSha256").GetString(), Is.EqualTo(Fixtures.Sha256(bundle)));
        Assert.That(receipt.RootElement.GetProperty("items").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(ids));
    }
}
