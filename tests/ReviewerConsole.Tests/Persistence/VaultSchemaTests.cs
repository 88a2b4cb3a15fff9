using LiteDB;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Persistence;

/// <summary>A vault made before protocol v2 (unique mailbox index, no schema entry) is migrated by the next import.</summary>
[TestFixture]
public sealed class VaultSchemaTests
{
    private static readonly string Mailbox = new('1', 64);

    [Test]
    public void Migrate_VaultBeforeV2_TakesAConflictCaseOnAKnownMailboxAndKeepsOldCasesAsV1()
    {
        using TestVault test = TestVault.Initialized();
        using VaultSession vault = VaultService.Open(test.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System);
        MakeVersion1(vault);
        // What the old code stored: a case and an item without proof or flags.
        vault.Write(data => Intake(vault, data, V1Report("old")));
        vault.Store.Write(db =>
        {
            foreach (string collection in new[] { VaultSchema.Cases, VaultSchema.Items })
            {
                foreach (BsonDocument doc in db.GetCollection(collection).FindAll().ToList())
                {
                    doc.Remove("proof");
                    doc.Remove("conflicts");
                    doc.Remove("flags");
                    db.GetCollection(collection).Update(doc);
                }
            }
        });

        bool migrated = vault.Write(data =>
        {
            bool changed = data.MigrateSchema();
            Intake(vault, data, V2Message("new"));
            return changed;
        });

        Assert.That(migrated);
        vault.Read(data =>
        {
            CaseRecord old = data.FindCase(data.FindItem("old")!.CaseId)!;
            Assert.That(old.IsV1);
            Assert.That(data.FindItem("old")!.ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.V1Unproven, null) }));
            Assert.That(data.FindItem("new")!.CaseId, Is.Not.EqualTo(old.Id));
            Assert.That(data.CasesOfMailbox(Mailbox), Has.Count.EqualTo(2));
            Assert.That(data.MigrateSchema(), Is.False, "once");
            return 0;
        });
    }

    [Test]
    public void Migrate_VaultBeforeV2_WithoutMigration_TheUniqueIndexRefusesTheConflictCase()
    {
        // Shows why the migration is needed: the old unique index would abort the whole import.
        using TestVault test = TestVault.Initialized();
        using VaultSession vault = VaultService.Open(test.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System);
        MakeVersion1(vault);
        vault.Write(data => Intake(vault, data, V1Report("old")));

        Assert.That(() => vault.Write(data => Intake(vault, data, V2Message("new"))), Throws.InstanceOf<LiteException>());
    }

    private static void MakeVersion1(VaultSession vault) => vault.Store.Write(db =>
    {
        db.GetCollection(VaultSchema.Cases).DropIndex("mailbox");
        db.GetCollection(VaultSchema.Cases).DropIndex("proof");
        db.GetCollection(VaultSchema.Cases).EnsureIndex("mailbox", unique: true);
        db.GetCollection(VaultSchema.Meta).Delete("schema");
    });

    private static void Intake(VaultSession vault, VaultData data, IntakeItem item)
    {
        var intake = new CaseIntake(data, vault, new string('e', 64), new DateOnly(2026, 12, 7));
        intake.Admit(item);
        intake.Complete();
    }

    private static IntakeItem V1Report(string id) =>
        new(id, Mailbox, BundleItemKind.Submission, 100, "c" + id, 80, "p" + id,
            new ReportV1 { Description = "report", Client = Fixtures.Client }, null, []);

    private static IntakeItem V2Message(string id) =>
        new(id, Mailbox, BundleItemKind.Followup, 100, "c" + id, 80, "p" + id, null,
            new MessageV1 { V = 2, CaseKey = new string('a', 64), MailboxId = Mailbox, Text = "message", Client = Fixtures.Client }, []);
}
