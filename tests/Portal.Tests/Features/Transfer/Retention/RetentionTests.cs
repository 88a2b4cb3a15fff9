using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Features.Transfer.Retention;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Retention;

/// <summary>Retention on a clock moved by hand: replies go after serving; what sources sent is flagged, never deleted.</summary>
public class RetentionTests
{
    private StoreFixture fixture = null!;
    private string mailbox = null!;

    [SetUp]
    public void SetUp()
    {
        fixture = new StoreFixture();
        mailbox = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        fixture.Store.EnsureMailbox(mailbox);
    }

    [TearDown]
    public void TearDown() => fixture.Dispose();

    [Test]
    public void DeleteExpiredReplies_ReadReply_GoesReadDaysAfterImport()
    {
        string reply = StoreReply();
        fixture.Time.Advance(TimeSpan.FromDays(1));
        fixture.Source.MarkRepliesRead(mailbox);

        fixture.Time.Advance(TimeSpan.FromDays(28));
        var early = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var due = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);

        Assert.That(early, Is.Empty);
        Assert.That(due, Is.EqualTo(new[] { reply }));
        Assert.That(fixture.Source.ListReplies(mailbox), Is.Empty);
    }

    [Test]
    public void DeleteExpiredReplies_ReadLate_GoesAtTheNextSweep()
    {
        string reply = StoreReply();
        fixture.Time.Advance(TimeSpan.FromDays(40));
        var unread = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);
        fixture.Source.MarkRepliesRead(mailbox);

        var due = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);

        Assert.That(unread, Is.Empty);
        Assert.That(due, Is.EqualTo(new[] { reply }));
    }

    [Test]
    public void DeleteExpiredReplies_UnreadReply_GoesAfterMaxDays()
    {
        string reply = StoreReply();

        fixture.Time.Advance(TimeSpan.FromDays(179));
        var early = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var due = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);

        Assert.That(early, Is.Empty);
        Assert.That(due, Is.EqualTo(new[] { reply }));
    }

    [Test]
    public void Report_OldUnexportedAndUnconfirmed_FlaggedAndKeptByTheService()
    {
        var options = new RetentionOptions { ExportedWarnDays = 14, UnexportedWarnDays = 7 };
        var report = new RetentionReport(fixture.Transfer, fixture.Time, options);
        string exported = fixture.Store.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(new byte[100]), 1000);
        fixture.Transfer.MarkExported(new string('a', 64), [exported]);
        fixture.Time.Advance(TimeSpan.FromDays(6));
        string waiting = fixture.Store.StoreItem(ItemKind.Followup, mailbox, new MemoryStream(new byte[100]), 1000);
        string oldest = fixture.Store.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(new byte[100]), 1000);

        var fresh = report.Build();
        fixture.Time.Advance(TimeSpan.FromDays(8));
        var aged = report.Build();
        using var team = new WhistleSubmit.TestSupport.TestTeam();
        var bundles = new TransferBundles(
            Options.Create(new PortalOptions { DataDirectory = fixture.DataDirectory }), fixture.Transfer, new TransferOperations(fixture.Transfer, fixture.Time,
                new PortalTeamKey(team.PublicKey, isDemo: false)));
        Directory.CreateDirectory(bundles.Directory);
        File.WriteAllText(bundles.PathOf(new string('a', 64)), "pending");
        File.WriteAllText(bundles.PathOf(new string('b', 64)), "confirmed earlier");
        var service = new RetentionService(fixture.Transfer, bundles, report, options, fixture.Time, NullLogger<RetentionService>.Instance);
        int deleted = service.RunOnce();

        Assert.That(fresh.UnexportedOverdue, Is.Zero);
        Assert.That(fresh.ExportsOverdue, Is.Empty);
        Assert.That(aged.UnexportedOverdue, Is.EqualTo(2));
        Assert.That(aged.OldestUnexportedAgeDays, Is.EqualTo(8));
        Assert.That(aged.ExportsOverdue.Single().Items, Is.EqualTo(1));
        Assert.That(RetentionReport.Warnings(aged).Count(), Is.EqualTo(2));
        Assert.That(deleted, Is.Zero);
        Assert.That(fixture.Transfer.ListItems().Select(i => i.Id), Is.EquivalentTo(new[] { exported, waiting, oldest }));
        Assert.That(Directory.GetFiles(bundles.Directory).Select(Path.GetFileName), Is.EqualTo(new[] { new string('a', 64) + ".wsbundle" }));
    }

    [Test]
    public void MarkRepliesRead_Read_KeepsAFlagNoDay()
    {
        // Issue 14: the store kept the day a source read its replies (a check-in day).
        StoreReply();
        fixture.Time.Advance(TimeSpan.FromDays(3));

        fixture.Source.MarkRepliesRead(mailbox);

        var read = fixture.Store.Read(db => db.GetCollection(PortalDatabase.Items).FindAll().Single()["read"]);
        Assert.That(read, Is.EqualTo(new LiteDB.BsonValue(true)));
        Assert.That(fixture.Transfer.ListItems().Single().Read, Is.True);
        Assert.That(fixture.Transfer.Status().UnreadReplies, Is.Zero);
    }

    [Test]
    public void DeleteExpiredReplies_ReadDayOfAnOlderVersion_BecomesAFlag()
    {
        string reply = StoreReply();
        fixture.Store.Write(db =>
        {
            var items = db.GetCollection(PortalDatabase.Items);
            var doc = items.FindById(reply);
            doc["read"] = "2026-11-28";
            items.Update(doc);
        });

        var deleted = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);

        Assert.That(deleted, Is.Empty);
        Assert.That(fixture.Store.Read(db => db.GetCollection(PortalDatabase.Items).FindById(reply)["read"]), Is.EqualTo(new LiteDB.BsonValue(true)));
    }

    [Test]
    public void DeleteIdleMailboxes_EmptyAfterDays_DeletedWithItemsKept()
    {
        // Issue 14: mailboxes never expired. `mailbox` (SetUp) has no item; `busy` keeps a submission.
        string busy = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        fixture.Store.StoreItem(ItemKind.Submission, busy, new MemoryStream(new byte[100]), 1000);
        string replied = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        fixture.Store.EnsureMailbox(replied);
        fixture.Time.Advance(TimeSpan.FromDays(10));
        fixture.Transfer.StoreReply(BundleItem.NewId(), replied, new MemoryStream(new byte[200]));
        fixture.Time.Advance(TimeSpan.FromDays(89));

        int early = fixture.Transfer.DeleteIdleMailboxes(days: 100);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        int due = fixture.Transfer.DeleteIdleMailboxes(days: 100);

        Assert.That((early, due), Is.EqualTo((0, 1)));
        Assert.That(fixture.Store.MailboxExists(mailbox), Is.False);
        Assert.That(fixture.Store.MailboxExists(busy), Is.True);
        Assert.That(fixture.Store.MailboxExists(replied), Is.True);
    }

    [Test]
    public void RunOnce_IdleMailbox_Deleted()
    {
        var options = new RetentionOptions { MailboxDays = 30 };
        using var team = new WhistleSubmit.TestSupport.TestTeam();
        var bundles = new TransferBundles(
            Options.Create(new PortalOptions { DataDirectory = fixture.DataDirectory }), fixture.Transfer, new TransferOperations(fixture.Transfer, fixture.Time,
                new PortalTeamKey(team.PublicKey, isDemo: false)));
        var service = new RetentionService(fixture.Transfer, bundles, new RetentionReport(fixture.Transfer, fixture.Time, options), options,
            fixture.Time, NullLogger<RetentionService>.Instance);
        fixture.Time.Advance(TimeSpan.FromDays(30));

        service.RunOnce();

        Assert.That(fixture.Store.MailboxExists(mailbox), Is.False);
        Assert.That(fixture.Transfer.Status().Mailboxes, Is.Zero);
    }

    private string StoreReply()
    {
        string id = BundleItem.NewId();
        fixture.Transfer.StoreReply(id, mailbox, new MemoryStream(new byte[200]));
        return id;
    }
}
