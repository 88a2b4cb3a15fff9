using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Cases;

/// <summary>
/// Case proof (issue 13 P1, P2) in-process, on a real vault: items join cases only on SHA-256 of the case key inside
/// them; the manifest's mailbox id never groups; conflicts, rerouting and other reply keys are flagged, never merged or used.
/// </summary>
[TestFixture]
public sealed class CaseMatchingTests
{
    private static readonly string KeyA = new('a', 64);
    private static readonly string KeyB = new('b', 64);
    private static readonly string MailboxA = new('1', 64);
    private static readonly string MailboxB = new('2', 64);
    private static readonly string ReplyA = Recipient(1);
    private static readonly string ReplyB = Recipient(2);
    private static readonly string ServerReply = Recipient(3);

    [Test]
    public void Decide_SameProof_JoinsWhateverMailboxTheManifestNames()
    {
        var (cases, items) = Import(Report("1", MailboxA, KeyA, MailboxA, ReplyA), Message("2", MailboxB, KeyA, MailboxA));

        Assert.That(cases, Has.Count.EqualTo(1));
        Assert.That(items["2"].CaseId, Is.EqualTo(items["1"].CaseId));
        Assert.That(items["2"].ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.Routed, MailboxB) }));
        Assert.That(items["1"].ProofFlags, Is.Empty);
        Assert.That(cases[0].Proof, Is.EqualTo(SourceKeys.CaseProofFromKey(Convert.FromHexString(KeyA))));
    }

    [Test]
    public void Decide_ForgedFollowupUnderVictimsMailbox_OpensConflictCaseBothWays()
    {
        var (cases, items) = Import(Report("1", MailboxA, KeyA, MailboxA, ReplyA), Message("2", MailboxA, KeyB, MailboxA));

        string victim = items["1"].CaseId;
        Assert.That(items["2"].CaseId, Is.Not.EqualTo(victim), "never merged");
        Assert.That(items["2"].ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.Conflict, victim) }));
        Assert.That(cases.Single(c => c.Id == victim).ConflictingCases, Is.EqualTo(new[] { items["2"].CaseId }));
    }

    [Test]
    public void Decide_ReportOfBFiledUnderA_StaysBsCaseWithBsMailboxAndKey()
    {
        var (cases, items) = Import(Report("1", MailboxA, KeyA, MailboxA, ReplyA), Report("2", MailboxA, KeyB, MailboxB, ReplyB));

        CaseRecord b = cases.Single(c => c.Id == items["2"].CaseId);
        Assert.That(b.Id, Is.Not.EqualTo(items["1"].CaseId));
        Assert.That((b.MailboxId, b.ReplyRecipient), Is.EqualTo((MailboxB, ReplyB)), "replies about B's report go to B");
        Assert.That(items["2"].ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.Routed, MailboxA) }));
        Assert.That(cases.Single(c => c.Id == items["1"].CaseId).ConflictingCases, Is.Empty);
    }

    [Test]
    public void Decide_ForgedFirstReportWithServersKey_DoesNotTakeOverTheVictimsCaseOrKey()
    {
        var (cases, items) = Import(Report("1", MailboxA, KeyA, MailboxA, ReplyA), Report("2", MailboxA, KeyB, MailboxA, ServerReply));

        CaseRecord victim = cases.Single(c => c.Id == items["1"].CaseId);
        Assert.That(victim.ReplyRecipient, Is.EqualTo(ReplyA));
        Assert.That(items["2"].CaseId, Is.Not.EqualTo(victim.Id));
        Assert.That(items["2"].ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.Conflict, victim.Id) }));
    }

    [Test]
    public void Decide_LaterReportOfSameCaseWithAnotherKey_FlaggedAndFirstKeyKept()
    {
        var (cases, items) = Import(Report("1", MailboxA, KeyA, MailboxA, ReplyA), Report("2", MailboxA, KeyA, MailboxA, ReplyB));

        Assert.That(cases, Has.Count.EqualTo(1));
        Assert.That(cases[0].ReplyRecipient, Is.EqualTo(ReplyA));
        Assert.That(items["2"].ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.OtherReplyKey, ReplyB) }));
    }

    [Test]
    public void Decide_FollowupBeforeReport_ReportSetsTheReplyKey()
    {
        var (cases, _) = Import(Message("1", MailboxA, KeyA, MailboxA), Report("2", MailboxA, KeyA, MailboxA, ReplyA));

        Assert.That((cases.Count, cases[0].ReplyRecipient), Is.EqualTo((1, ReplyA)));
    }

    [Test]
    public void Decide_V1Items_GroupedByManifestMailboxAndFlagged()
    {
        var (cases, items) = Import(V1Report("1", MailboxA, ReplyA), V1Message("2", MailboxA));

        Assert.That(cases, Has.Count.EqualTo(1));
        Assert.That(cases[0].IsV1);
        Assert.That(items.Values.Select(i => i.ProofFlags), Has.All.EqualTo(new[] { new ItemFlag(ItemFlag.V1Unproven, null) }));
    }

    [Test]
    public void Decide_V2ItemOnV1CasesMailbox_NeverJoinsItAndConflicts()
    {
        var (cases, items) = Import(V1Report("1", MailboxA, ReplyA), Message("2", MailboxA, KeyA, MailboxA));

        Assert.That(cases, Has.Count.EqualTo(2));
        Assert.That(items["2"].ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.Conflict, items["1"].CaseId) }));
    }

    [Test]
    public void Decide_V1ItemOnV2CasesMailbox_NeverJoinsItAndConflicts()
    {
        var (cases, items) = Import(Report("1", MailboxA, KeyA, MailboxA, ReplyA), V1Message("2", MailboxA));

        Assert.That(cases, Has.Count.EqualTo(2), "a forger cannot downgrade to v1 to join a proven case");
        Assert.That(items["2"].ProofFlags, Is.EqualTo(new[] { new ItemFlag(ItemFlag.V1Unproven, null), new ItemFlag(ItemFlag.Conflict, items["1"].CaseId) }));
    }

    [Test]
    public void Decide_LaterImport_JoinsByProofAcrossTransactions()
    {
        using TestVault test = TestVault.Initialized();
        using VaultSession vault = VaultService.Open(test.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System);
        Admit(vault, Report("1", MailboxA, KeyA, MailboxA, ReplyA));
        Admit(vault, Message("2", MailboxA, KeyA, MailboxA));
        Admit(vault, Message("3", MailboxA, KeyB, MailboxA));

        vault.Read(data =>
        {
            Assert.That(data.FindItem("2")!.CaseId, Is.EqualTo(data.FindItem("1")!.CaseId));
            Assert.That(data.FindItem("3")!.CaseId, Is.Not.EqualTo(data.FindItem("1")!.CaseId));
            return 0;
        });
    }

    private static (List<CaseRecord> Cases, Dictionary<string, ItemRecord> Items) Import(params IntakeItem[] intake)
    {
        using TestVault test = TestVault.Initialized();
        using VaultSession vault = VaultService.Open(test.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System);
        Admit(vault, intake);
        return vault.Read(data => (data.AllCases().ToList(), data.AllItems().ToDictionary(i => i.Id)));
    }

    private static void Admit(VaultSession vault, params IntakeItem[] intake) => vault.Write(data =>
    {
        data.MigrateSchema();
        var cases = new CaseIntake(data, vault, new string('e', 64), new DateOnly(2026, 12, 7));
        foreach (IntakeItem item in intake)
        {
            cases.Admit(item);
        }

        cases.Complete();
    });

    private static IntakeItem Report(string id, string manifestMailbox, string caseKey, string innerMailbox, string reply) =>
        Item(id, manifestMailbox, new ReportV1 { V = 2, CaseKey = caseKey, MailboxId = innerMailbox, Description = "report " + id, ReplyRecipient = reply, Client = Fixtures.Client }, null);

    private static IntakeItem Message(string id, string manifestMailbox, string caseKey, string innerMailbox) =>
        Item(id, manifestMailbox, null, new MessageV1 { V = 2, CaseKey = caseKey, MailboxId = innerMailbox, Text = "message " + id, Client = Fixtures.Client });

    private static IntakeItem V1Report(string id, string mailbox, string reply) =>
        Item(id, mailbox, new ReportV1 { Description = "report " + id, ReplyRecipient = reply, Client = Fixtures.Client }, null);

    private static IntakeItem V1Message(string id, string mailbox) =>
        Item(id, mailbox, null, new MessageV1 { Text = "message " + id, Client = Fixtures.Client });

    private static IntakeItem Item(string id, string mailbox, ReportV1? report, MessageV1? message) =>
        new(id, mailbox, report is null ? BundleItemKind.Followup : BundleItemKind.Submission, 100, "c" + id, 80, "p" + id, report, message, []);

    private static string Recipient(byte seed)
    {
        byte[] bytes = new byte[32];
        bytes[0] = seed;
        using var identity = MlKem768X25519Identity.FromSeed(bytes);
        return identity.Recipient.ToString();
    }
}
