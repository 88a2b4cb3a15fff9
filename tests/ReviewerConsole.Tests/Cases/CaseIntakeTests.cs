using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Cases;

/// <summary>Case intake in-process, on a real vault: one case per mailbox, duplicate flags both ways, numbering, audit.</summary>
[TestFixture]
public sealed class CaseIntakeTests
{
    private const string Text =
        "On the night of the fourth the officers at the north gate stopped a delivery van, searched it without a warrant, "
        + "kept the driver on the ground for forty minutes and told him that nobody would ever believe his account of it";

    [Test]
    public void Admit_SameMailboxIdenticalPlaintext_JoinsCaseAndFlagsDuplicateBothWays()
    {
        using TestVault test = TestVault.Initialized();
        using VaultSession vault = Open(test);

        (string? first, string? second) = vault.Write(data =>
        {
            var intake = new CaseIntake(data, vault, new string('a', 64), new DateOnly(2026, 1, 2));
            string? a = intake.Admit(FollowUp("11", "mailbox-1", "same-hash", Text));
            string? b = intake.Admit(FollowUp("22", "mailbox-1", "same-hash", Text));
            intake.Complete();
            return (a, b);
        });

        Assert.That(first, Is.Not.Null, "the first item opens the mailbox's case");
        Assert.That(second, Is.Null, "the second joins it");
        vault.Read(data =>
        {
            ItemRecord one = data.FindItem("11")!;
            ItemRecord two = data.FindItem("22")!;
            Assert.That((one.CaseId, two.CaseId), Is.EqualTo((first, first)));
            Assert.That((one.Sequence, two.Sequence, data.ItemSequence()), Is.EqualTo((1L, 2L, 2L)));
            Assert.That(one.Duplicates, Is.EqualTo(new[] { "22" }));
            Assert.That(two.Duplicates, Is.EqualTo(new[] { "11" }));
            Assert.That(two.BundleCreated, Is.EqualTo("2026-01-02"));
            Assert.That(AuditLog.ForCase(data, first!).Select(e => e.Action),
                Is.EqualTo(new[] { AuditActions.CaseOpen, AuditActions.ImportItem, AuditActions.ImportItem }));
            return 0;
        });
    }

    [Test]
    public void Admit_OtherMailboxSimilarText_OpensCaseAndFlagsNearDuplicateBothWays()
    {
        using TestVault test = TestVault.Initialized();
        using VaultSession vault = Open(test);

        vault.Write(data =>
        {
            var intake = new CaseIntake(data, vault, new string('b', 64), new DateOnly(2026, 1, 2));
            Assert.That(intake.Admit(FollowUp("11", "mailbox-1", "hash-1", Text)), Is.Not.Null);
            Assert.That(intake.Admit(FollowUp("22", "mailbox-2", "hash-2", Text + " again")), Is.Not.Null);
            intake.Complete();
        });

        vault.Read(data =>
        {
            Assert.That(data.FindItem("11")!.NearDuplicates, Is.EqualTo(new[] { "22" }));
            Assert.That(data.FindItem("22")!.NearDuplicates, Is.EqualTo(new[] { "11" }));
            Assert.That(data.FindItem("22")!.Duplicates, Is.Empty);
            return 0;
        });
    }

    private static VaultSession Open(TestVault test) =>
        VaultService.Open(test.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System);

    private static IntakeItem FollowUp(string id, string mailbox, string plaintextSha256, string text) =>
        new(id, mailbox, BundleItemKind.Followup, 100, "c" + id, 80, plaintextSha256,
            null, new MessageV1 { Text = text, Client = Fixtures.Client }, []);
}
