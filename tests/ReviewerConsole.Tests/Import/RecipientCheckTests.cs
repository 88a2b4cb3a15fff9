using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Import;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Import;

/// <summary>Issue 13 P4: import reads each item's recipient stanzas before decrypting it.</summary>
[TestFixture]
public sealed class RecipientCheckTests
{
    [Test]
    public void RefusalReason_OnlyPostQuantumStanzas_None() =>
        Assert.That(RecipientCheck.RefusalReason(["mlkem768x25519", "mlkem768x25519"]), Is.Null);

    [TestCase(new[] { "mlkem768x25519", "X25519" }, "it is encrypted to 1 X25519 recipient: classical encryption")]
    [TestCase(new[] { "X25519", "X25519" }, "it is encrypted to 2 X25519 recipients")]
    [TestCase(new[] { "scrypt" }, "it is encrypted to 1 recipient of a type the portal never writes")]
    [TestCase(new[] { "mlkem768x25519", "piv-p256", "X25519" }, "it is encrypted to 1 recipient of a type the portal never writes")]
    [TestCase(new string[0], "its header names no recipient")]
    public void RefusalReason_AnyOtherStanza_Refused(string[] types, string reason) =>
        Assert.That(RecipientCheck.RefusalReason(types), Does.StartWith(reason));

    [Test]
    public void Import_ItemWithAnExtraPostQuantumRecipient_ImportedAndFlaggedInListAndShow()
    {
        using TestVault vault = TestVault.WithKey();
        IRecipient team = AgeKeys.ParseRecipient(ImportedScenario.RecipientOf(vault));
        using var stranger = MlKem768X25519Identity.Generate();
        byte[] report = Fixtures.Container(Fixtures.Report("Encrypted to one more key than the team has: OSPREY.", null));
        var entry = BundleEntry.Submission(Fixtures.NewMailbox(), AgeEncryption.Encrypt(report, [team, stranger.Recipient]));

        CliResult result = vault.Run("import", vault.Directory.Write("extra.wsbundle", Fixtures.Bundle(entry)));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        string caseId = CaseIdOf(vault, "osprey");
        string list = vault.Succeed("list").StdoutText;
        Assert.That(list.Split('\n').Single(l => l.StartsWith(caseId, StringComparison.Ordinal)), Does.Contain("⚠rcpt"));
        Assert.That(list, Does.Contain($"⚠ encrypted to 2 recipients; the team has 1 in case {caseId}"));
        Assert.That(vault.Succeed("show", caseId).StdoutText,
            Does.Contain($"⚠ encrypted to 2 recipients; the team has 1 (item {entry.Id[..8]})")
                .And.Contain("  ⚠ encrypted to 2 recipients; the team has 1: the portal may have added or dropped a recipient"));
    }

    [Test]
    public void Import_ItemWithAnX25519Recipient_RefusedNotStoredNotInReceiptAndExits1()
    {
        using TestVault vault = TestVault.WithKey();
        IRecipient team = AgeKeys.ParseRecipient(ImportedScenario.RecipientOf(vault));
        using var classical = X25519Identity.Generate();
        var honest = BundleEntry.Submission(Fixtures.NewMailbox(),
            AgeEncryption.Encrypt(Fixtures.Container(Fixtures.Report("An honest report: HERON.", null)), [team]));
        var downgraded = BundleEntry.Submission(Fixtures.NewMailbox(), AgeEncryption.Encrypt(
            Fixtures.Container(Fixtures.Report("Readable with a classical key: EGRET.", null)), [team, new Relabelled(classical.Recipient)]));
        string receipt = vault.Directory.File("r.json");

        CliResult result = vault.Run("import", vault.Directory.Write("x.wsbundle", Fixtures.Bundle(honest, downgraded)), "--receipt", receipt);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"whistle-review: warning: item 2 of 2 ({downgraded.Id[..8]}) was refused and not imported: it is encrypted to 1 X25519 recipient"));
        Assert.That(result.Stderr, Does.Contain("item 2 of 2: refused"));
        Assert.That(result.Stderr, Does.Contain("whistle-review: error: 1 item was refused (reasons above); the rest is in the vault"));
        Assert.That(result.StdoutText, Does.Contain("Imported 1 new items"));
        Assert.That(vault.Succeed("list", "--search", "egret").StdoutText, Does.Contain("No cases match."));
        Assert.That(vault.Succeed("list", "--search", "heron").StdoutText, Does.Not.Contain("No cases match."));
        Assert.That(File.Exists(Path.Combine(vault.Root, "evidence", downgraded.Id + ".age")), Is.False);
        using (JsonDocument r = JsonDocument.Parse(WhistleSubmit.Crypto.Signing.SignedDocument.Open(File.ReadAllBytes(receipt), VaultAudit.TeamKey(vault), "import-receipt")))
        {
            Assert.That(r.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetString()), Is.EqualTo(new[] { honest.Id }));
        }

        // Again: refused again (and audited again), never stored.
        CliResult again = vault.Run("import", vault.Directory.File("x.wsbundle"), "--receipt", receipt);
        Assert.That(again.ExitCode, Is.EqualTo(1), again.ToString());
        Assert.That(again.StdoutText, Does.Contain("Imported 0 new items (1 already in the vault)"));
        Assert.That(Directory.GetFiles(Path.Combine(vault.Root, "evidence")), Has.Length.EqualTo(1));
        Assert.That(vault.Succeed("audit", "verify").ExitCode, Is.Zero);
    }

    [Test]
    public void Import_ArmoredItem_RefusedBeforeDecryption()
    {
        // An ASCII-armored age file decrypts like a binary one, but its header cannot be inspected: a hostile portal
        // would use it to carry an extra or classical recipient past the check.
        using TestVault vault = TestVault.WithKey();
        IRecipient team = AgeKeys.ParseRecipient(ImportedScenario.RecipientOf(vault));
        using var classical = X25519Identity.Generate();
        var honest = BundleEntry.Submission(Fixtures.NewMailbox(),
            AgeEncryption.Encrypt(Fixtures.Container(Fixtures.Report("An honest report: PLOVER.", null)), [team]));
        var armored = BundleEntry.Submission(Fixtures.NewMailbox(), AgeEncryption.Encrypt(
            Fixtures.Container(Fixtures.Report("Armored, with a classical key: CURLEW.", null)), [team, new Relabelled(classical.Recipient)], armor: true));

        CliResult result = vault.Run("import", vault.Directory.Write("a.wsbundle", Fixtures.Bundle(honest, armored)));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain($"item 2 of 2 ({armored.Id[..8]}) was refused and not imported: it is not a binary age file"));
        Assert.That(vault.Succeed("list", "--search", "curlew").StdoutText, Does.Contain("No cases match."));
        Assert.That(vault.Succeed("list", "--search", "plover").StdoutText, Does.Not.Contain("No cases match."));
    }

    private static string CaseIdOf(TestVault vault, string search)
    {
        using JsonDocument list = JsonDocument.Parse(vault.Succeed("list", "--json", "--search", search).StdoutText);
        return list.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    /// <summary>An encrypter that ignores age's label rule, as a hostile portal's would: X25519 among post-quantum stanzas.</summary>
    private sealed class Relabelled(IRecipient inner) : IRecipient
    {
        public IReadOnlySet<string> Labels { get; } = new HashSet<string>(StringComparer.Ordinal) { "postquantum" };

        public IReadOnlyList<Stanza> Wrap(FileKey fileKey) => inner.Wrap(fileKey);
    }
}
