using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

public class PortalDatabaseTests
{
    private StoreFixture fixture = null!;

    private PortalDatabase Store => fixture.Store;

    [SetUp]
    public void SetUp() => fixture = new StoreFixture();

    [TearDown]
    public void TearDown() => fixture.Dispose();

    private static string NewMailbox() => SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32));

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    [TestCase(10)]
    [TestCase(StoreOptions.ChunkSize)]
    [TestCase((2 * StoreOptions.ChunkSize) + 3)]
    public void StoreItem_AnySize_SurvivesReopenByteForByte(int size)
    {
        byte[] data = RandomNumberGenerator.GetBytes(size);
        string mailbox = NewMailbox();

        string id = Store.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(data), size);
        fixture.Reopen();

        Assert.That(ReadAll(Store.Transfer().OpenCiphertext(id)), Is.EqualTo(data));
        Assert.That(Store.MailboxExists(mailbox), Is.True);
        Assert.That(Store.Transfer().Status().PendingUploads, Is.Zero);
    }

    [Test]
    public void StoreItem_OverMaxBytes_ThrowsAndLeavesNothing()
    {
        var before = StoreSnapshot.Of(Store);

        Assert.That(
            () => Store.StoreItem(ItemKind.Submission, NewMailbox(), new MemoryStream(new byte[StoreOptions.ChunkSize + 10]), StoreOptions.ChunkSize + 9),
            Throws.TypeOf<PortalStoreLimitException>());

        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public void StoreItem_SourceFailsHalfWay_LeavesNothing()
    {
        var before = StoreSnapshot.Of(Store);
        var failing = new FailingStream(new byte[StoreOptions.ChunkSize + 100], failAfter: StoreOptions.ChunkSize + 50);

        Assert.That(() => Store.StoreItem(ItemKind.Submission, NewMailbox(), failing, long.MaxValue), Throws.TypeOf<IOException>());

        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public void KeyFile_IsProtectedNotRawAndReopensTheStore()
    {
        string id = Store.StoreItem(ItemKind.Submission, NewMailbox(), new MemoryStream([1, 2, 3]), 10);

        byte[] keyFile = File.ReadAllBytes(Path.Combine(fixture.DataDirectory, StoreKeyFile.FileName));
        fixture.Reopen();

        Assert.That(keyFile.Length, Is.GreaterThan(32));
        Assert.That(ReadAll(Store.Transfer().OpenCiphertext(id)), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Files_NeverContainMailboxIdOrPlainCiphertext()
    {
        string mailbox = NewMailbox();
        byte[] canary = Encoding.ASCII.GetBytes("CANARY-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        Store.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(canary), 1000);
        Store.Dispose();

        foreach (string file in Directory.EnumerateFiles(fixture.DataDirectory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes = File.ReadAllBytes(file);
            Assert.That(bytes.AsSpan().IndexOf(canary), Is.EqualTo(-1), file);
            Assert.That(bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(mailbox)), Is.EqualTo(-1), file);
        }
    }

    [Test]
    public void Replies_ListedThenMarkedRead()
    {
        string mailbox = NewMailbox();
        Store.EnsureMailbox(mailbox);
        string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

        bool first = Store.Transfer().StoreReply(id, mailbox, new MemoryStream([9, 9]));
        bool again = Store.Transfer().StoreReply(id, mailbox, new MemoryStream([9, 9]));
        var replies = Store.Source().ListReplies(mailbox);
        Store.Source().MarkRepliesRead(mailbox);

        Assert.That((first, again), Is.EqualTo((true, false)));
        Assert.That(replies.Single().Id, Is.EqualTo(id));
        Assert.That(replies.Single().Ciphertext, Is.EqualTo(new byte[] { 9, 9 }));
        Assert.That(replies.Single().Day, Is.EqualTo("2026-11-27"));
        Assert.That(Store.Transfer().Status().UnreadReplies, Is.Zero);
        Assert.That(Store.Source().ListReplies(NewMailbox()), Is.Empty);
    }

    [Test]
    public void RemoveExpiredUploads_EndOfNextDay_RemovesSessionAndChunks()
    {
        // Started 2026-11-27 12:00 UTC: kept through 2026-11-28, removed from 2026-11-29 00:00 UTC.
        var session = Store.Source().CreateUpload(ItemKind.Submission, NewMailbox(), 100);
        Store.Source().StoreChunk(session.Id, 0, new byte[50], 50);
        Assert.That(Store.Source().StoreChunk(session.Id, 0, new byte[100], 100), Is.EqualTo(ChunkOutcome.Stored));

        fixture.Time.Advance(TimeSpan.FromHours(36) - TimeSpan.FromSeconds(1));
        int early = Store.Source().RemoveExpiredUploads();
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        int late = Store.Source().RemoveExpiredUploads();

        Assert.That(session.Expires, Is.EqualTo(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero)));
        Assert.That((early, late), Is.EqualTo((0, 1)));
        Assert.That(Store.Source().FindUpload(session.Id), Is.Null);
        Assert.That(Store.Transfer().Status().PendingUploads, Is.Zero);
    }

    [Test]
    public void CreateUpload_Stored_KeepsExpiryDayNoTime()
    {
        // Issue 14: the session record held expires = now + 24 h in Unix seconds, which dates the upload to the second.
        fixture.Time.Advance(TimeSpan.FromMinutes(77) + TimeSpan.FromSeconds(13));
        var session = Store.Source().CreateUpload(ItemKind.Submission, NewMailbox(), 100);

        var documents = Store.Read(db => db.GetCollection(PortalDatabase.Uploads).FindAll().ToList());

        Assert.That(documents.Single(d => d["_id"].AsString == session.Id)["expires"].AsString, Is.EqualTo("2026-11-29"));
        Assert.That(session.Expires.TimeOfDay, Is.EqualTo(TimeSpan.Zero));
        foreach (var document in documents)
        {
            Assert.That(document.Keys, Is.EquivalentTo(new[] { "_id", "kind", "mailbox", "size", "next", "received", "expires" }));
            Assert.That(document["expires"].IsString, Is.True);
        }
    }

    [Test]
    public async Task UploadExpiryService_Running_RemovesExpiredUploads()
    {
        fixture.Options.ExpirySweepSeconds = 1;
        var session = Store.Source().CreateUpload(ItemKind.Submission, NewMailbox(), 100);
        fixture.Time.Advance(TimeSpan.FromDays(fixture.Options.UploadLifetimeDays + 1));
        using var service = new UploadExpiryService(
            new SourceStore(Store), Microsoft.Extensions.Options.Options.Create(fixture.Options), Microsoft.Extensions.Logging.Abstractions.NullLogger<UploadExpiryService>.Instance);

        await service.StartAsync(CancellationToken.None);
        for (int i = 0; i < 50 && Store.Transfer().Status().PendingUploads > 0; i++)
        {
            await Task.Delay(100);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.That(Store.Transfer().Status().PendingUploads, Is.Zero);
        Assert.That(Store.Source().FindUpload(session.Id), Is.Null);
    }

    [Test]
    public void CreateUpload_OverGlobalQuota_Full()
    {
        fixture.Options.GlobalQuotaBytes = 1000;
        Assert.That(() => Store.Source().CreateUpload(ItemKind.Submission, NewMailbox(), 1001), Throws.TypeOf<PortalStoreFullException>());
        Assert.That(Store.Transfer().Status().PendingUploads, Is.Zero);
    }

    [Test]
    public void CreateUpload_NotEnoughFreeDisk_Full()
    {
        fixture.Options.MinFreeBytes = long.MaxValue / 2;
        Assert.That(() => Store.Source().CreateUpload(ItemKind.Submission, NewMailbox(), 10), Throws.TypeOf<PortalStoreFullException>());
    }

    [Test]
    public void Open_WhileOpen_Locked()
    {
        Assert.That(() => fixture.Open(), Throws.TypeOf<WhistleSubmit.EncryptedStore.StoreLockedException>());
    }

    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        // MemoryStream's span overload calls this one for derived classes.
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position + count > failAfter)
            {
                throw new IOException("connection lost");
            }

            return base.Read(buffer, offset, count);
        }
    }
}
