using System.Security.Cryptography;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>
/// Issue 15: what an upload reserves. Declaring the largest size and sending nothing held the whole size for 24 h and
/// locked every other source out; now it holds a window, released when idle, and abandoned empty uploads go.
/// </summary>
public class UploadActivityTests
{
    private const long MiB = 1L << 20;

    private static StoreFixture Fixture(long quota) => new(options: new StoreOptions
    {
        MinFreeBytes = 0,
        GlobalQuotaBytes = quota,
        MaxUploadBytes = 1L << 30,
        ReservationWindowBytes = 8 * MiB,
        UploadIdleSeconds = 300,
    });

    private static string Mailbox() => SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32));

    [Test]
    public void CreateUpload_LargestSizesDeclaredNeverSent_OthersStillFit()
    {
        using var fixture = Fixture(quota: 100 * MiB);
        var store = fixture.Source;
        for (int i = 0; i < 5; i++)
        {
            store.CreateUpload(ItemKind.Submission, Mailbox(), 1L << 30);
        }

        var legit = store.CreateUpload(ItemKind.Submission, Mailbox(), 50 * MiB);

        Assert.That(store.FindUpload(legit.Id), Is.Not.Null);
    }

    [Test]
    public void CreateUpload_IdleUploadsReleaseTheirWindow_NewUploadFits()
    {
        using var fixture = Fixture(quota: 20 * MiB);
        var store = fixture.Source;
        store.CreateUpload(ItemKind.Submission, Mailbox(), 1L << 30);
        store.CreateUpload(ItemKind.Submission, Mailbox(), 1L << 30);
        Assert.That(() => store.CreateUpload(ItemKind.Submission, Mailbox(), 1L << 30), Throws.TypeOf<PortalStoreFullException>());

        fixture.Time.Advance(TimeSpan.FromSeconds(301));

        Assert.That(store.CreateUpload(ItemKind.Submission, Mailbox(), 1L << 30).Id, Is.Not.Empty);
    }

    [Test]
    public void StoreChunk_OthersReservedEverything_ChunkStillStored()
    {
        using var fixture = Fixture(quota: 20 * MiB);
        var store = fixture.Source;
        var legit = store.CreateUpload(ItemKind.Submission, Mailbox(), 4 * MiB);
        store.CreateUpload(ItemKind.Submission, Mailbox(), 1L << 30);
        store.CreateUpload(ItemKind.Submission, Mailbox(), 1L << 30);

        var outcome = store.StoreChunk(legit.Id, 0, new byte[4 * MiB], (int)(4 * MiB));

        Assert.That(outcome, Is.EqualTo(ChunkOutcome.Stored));
    }

    [Test]
    public void RemoveExpiredUploads_IdleAndEmpty_RemovedAndNotCounted()
    {
        using var fixture = Fixture(quota: 100 * MiB);
        var store = fixture.Source;
        var empty = store.CreateUpload(ItemKind.Submission, Mailbox(), 8 * MiB);
        var started = store.CreateUpload(ItemKind.Submission, Mailbox(), 8 * MiB);
        Assert.That(store.StoreChunk(started.Id, 0, new byte[4 * MiB], (int)(4 * MiB)), Is.EqualTo(ChunkOutcome.Stored));
        fixture.Time.Advance(TimeSpan.FromSeconds(301));

        int logged = store.RemoveExpiredUploads();

        Assert.That(store.FindUpload(empty.Id), Is.Null);
        Assert.That(store.FindUpload(started.Id), Is.Not.Null, "an upload with chunks can still be resumed");
        Assert.That(logged, Is.Zero, "only day expiries are logged: a line now would date the abandoned upload");
    }

    [Test]
    public void StoreItem_FollowupOverTheMailboxShare_Refused()
    {
        using var fixture = new StoreFixture(options: new StoreOptions { MinFreeBytes = 0, MaxUnexportedBytesPerMailbox = MiB });
        string mailbox = Mailbox();
        fixture.Source.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(new byte[600_000]), MiB);

        Assert.That(
            () => fixture.Source.StoreItem(ItemKind.Followup, mailbox, new MemoryStream(new byte[600_000]), MiB),
            Throws.TypeOf<PortalStoreQuotaException>());
    }
}
