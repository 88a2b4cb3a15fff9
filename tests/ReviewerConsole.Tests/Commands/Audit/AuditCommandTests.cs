using LiteDB;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Audit;

[TestFixture]
public sealed class AuditCommandTests
{
    // vault.create, key.create, team-key.create, 3 × case.open, 4 × import.item, import.bundle.
    private const int ScenarioEntries = 11;

    [Test]
    public void Verify_IntactLog_ReportsOkWithCount()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Is.EqualTo($"OK: the audit log's {ScenarioEntries} entries are intact\n"));
    }

    [Test]
    public void Verify_AfterTriageAndNote_CountsTheirEntries()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        vault.Succeed("triage", id, "--severity", "2", "--tag", "x");
        vault.Succeed("note", id, "n");

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.StdoutText, Is.EqualTo($"OK: the audit log's {ScenarioEntries + 3} entries are intact\n"));
    }

    [Test]
    public void Verify_EntryEditedThroughTheStore_NamesThatEntry()
    {
        using TestVault vault = TestVault.Imported();
        Tamper(vault, db =>
        {
            var audit = db.GetCollection(VaultSchema.Audit);
            BsonDocument third = audit.FindById(3);
            third["details"] = "nothing happened here";
            audit.Update(third);
        });

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the audit log is broken: entry #3 was changed after it was written\n"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Verify_EntryEditedAndRehashed_BreaksTheNextLink()
    {
        using TestVault vault = TestVault.Imported();
        Tamper(vault, db =>
        {
            var audit = db.GetCollection(VaultSchema.Audit);
            AuditEntry e = AuditDocuments.FromDocument(audit.FindById(5)) with { Actor = "someone else" };
            audit.Update(AuditDocuments.ToDocument(e with { Hash = AuditHash.Compute(e) }));
        });

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("entry #6 does not link to entry #5"));
    }

    [Test]
    public void Verify_EntryDeleted_ReportsTheGap()
    {
        using TestVault vault = TestVault.Imported();
        Tamper(vault, db => db.GetCollection(VaultSchema.Audit).Delete(4));

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain("entry #4 is missing (the log jumps to #5)"));
    }

    [Test]
    public void Verify_LastEntryDeleted_ReportsTruncation()
    {
        using TestVault vault = TestVault.Imported();
        Tamper(vault, db => db.GetCollection(VaultSchema.Audit).Delete(ScenarioEntries));

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stderr, Does.Contain($"the log ends at entry #{ScenarioEntries - 1}, but the vault recorded {ScenarioEntries} entries"));
    }

    [Test]
    public void Verify_StoreFileBytesFlipped_ReportsDamagedVault()
    {
        using TestVault vault = TestVault.Imported();
        string data = Path.Combine(vault.Root, "store", "store.db");
        byte[] bytes = File.ReadAllBytes(data);
        for (int offset = 12288 + 100; offset < bytes.Length; offset += 8240)
        {
            bytes[offset] ^= 0x01; // one byte in every page slot
        }

        File.WriteAllBytes(data, bytes);

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault has been modified or is damaged"));
    }

    [Test]
    public void Actor_FromEnvironmentWhenNoAsOption_IsRecorded()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);

        CliResult result = WhistleReview.Run(vault.Directory.Path, ["--data", vault.Root, "note", id, "hello"], null, vault.PassphraseFile,
            new Dictionary<string, string> { ["WHISTLE_REVIEW_AS"] = "carol" });

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(vault.Succeed("show", id).StdoutText, Does.Contain(" carol: note.add note "));
    }

    // The attacker of this test holds the key: only the hash chain can tell.
    private static void Tamper(TestVault vault, Action<ILiteDatabase> change)
    {
        using VaultSession session = VaultService.Open(vault.Root, () => TestVault.Passphrase, "attacker", TimeProvider.System);
        session.Store.Write(change);
    }
}
