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
    public void DeleteExpiredReplies_ReadReply_GoesReadDaysAfterReading()
    {
        string reply = StoreReply();
        fixture.Time.Advance(TimeSpan.FromDays(1));
        fixture.Source.MarkRepliesRead(mailbox);

        fixture.Time.Advance(TimeSpan.FromDays(29));
        var early = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);
        fixture.Time.Advance(TimeSpan.FromDays(1));
        var due = fixture.Transfer.DeleteExpiredReplies(readDays: 30, maxDays: 180);

        Assert.That(early, Is.Empty);
        Assert.That(due, Is.EqualTo(new[] { reply }));
        Assert.That(fixture.Source.ListReplies(mailbox), Is.Empty);
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

    private string StoreReply()
    {
        string id = BundleItem.NewId();
        fixture.Transfer.StoreReply(id, mailbox, new MemoryStream(new byte[200]));
        return id;
    }
}
