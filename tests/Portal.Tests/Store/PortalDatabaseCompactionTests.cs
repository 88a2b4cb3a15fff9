using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>
/// Compaction after deletion (issue 6). That deleted data is in no page slot, stale ones included, is checked by
/// decrypting every slot in EncryptedStore.Tests (DurableStoreCompactionTests); here: the portal's deletions compact.
/// </summary>
public class PortalDatabaseCompactionTests
{
    private const int Size = 64 * 1024;

    private StoreFixture fixture = null!;

    private PortalDatabase Store => fixture.Store;

    private string StoreDirectory => Path.Combine(fixture.DataDirectory, PortalDatabase.DirectoryName);

    [SetUp]
    public void SetUp() => fixture = new StoreFixture();

    [TearDown]
    public void TearDown() => fixture.Dispose();

    [Test]
    public void DeleteConfirmed_MostItems_StoreShrinksKeptItemsIntactNoCanaryAnywhere()
    {
        // Arrange: ciphertext with a recognisable pattern, exported in one bundle.
        string mailbox = SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32));
        var contents = Enumerable.Range(0, 12).Select(Ciphertext).ToList();
        var ids = contents.Select(c => Store.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(c), Size)).ToList();
        string bundle = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        Store.Transfer().MarkExported(bundle, ids);
        long before = StoreBytes();

        // Act
        var outcome = Store.Transfer().DeleteConfirmed(bundle, ids.Skip(2).ToList(), new string('c', 64));

        // Assert
        Assert.That(outcome, Is.Not.Null);
        Assert.That(outcome!.Compacted, Is.True);
        Assert.That(outcome.Deleted, Has.Count.EqualTo(10));
        Assert.That(StoreBytes(), Is.LessThan(before - (8 * Size)));
        Assert.That(Directory.Exists(Path.Combine(StoreDirectory, DurableStore.CompactionDirectoryName)), Is.False);
        Assert.That(Store.Transfer().ListItems().Select(i => i.Id), Is.EquivalentTo(ids.Take(2)));
        for (int i = 0; i < 2; i++)
        {
            Assert.That(ReadAll(Store.Transfer().OpenCiphertext(ids[i])), Is.EqualTo(contents[i]));
        }

        Store.Dispose();
        Assert.That(
            DataDirectoryCanaries.FilesContaining(fixture.DataDirectory, Enumerable.Range(0, 12).Select(Canary)),
            Is.Empty);
    }

    [Test]
    public void Compact_CiphertextStreamOpen_WaitsForItsDispose()
    {
        // Arrange
        string mailbox = SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32));
        byte[] content = Ciphertext(1);
        string id = Store.StoreItem(ItemKind.Submission, mailbox, new MemoryStream(content), Size);
        var stream = Store.Transfer().OpenCiphertext(id);

        // Act
        var compaction = Task.Run(Store.Compact);
        bool finishedWhileOpen = compaction.Wait(TimeSpan.FromMilliseconds(500));
        byte[] read = ReadAll(stream);

        // Assert
        Assert.That(finishedWhileOpen, Is.False);
        Assert.That(read, Is.EqualTo(content));
        Assert.That(compaction.Result, Is.True);
        Assert.That(ReadAll(Store.Transfer().OpenCiphertext(id)), Is.EqualTo(content));
    }

    [Test]
    public void DeleteExpiredReplies_Deleted_StoreCompacted()
    {
        // Arrange
        string mailbox = SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32));
        Store.EnsureMailbox(mailbox);
        foreach (int i in Enumerable.Range(0, 6))
        {
            Store.Transfer().StoreReply(WhistleSubmit.Crypto.Bundles.BundleItem.NewId(), mailbox, new MemoryStream(Ciphertext(i)));
        }

        long before = StoreBytes();
        fixture.Time.Advance(TimeSpan.FromDays(200));

        // Act
        var deleted = Store.Transfer().DeleteExpiredReplies(readDays: 30, maxDays: 180);

        // Assert
        Assert.That(deleted, Has.Count.EqualTo(6));
        Assert.That(StoreBytes(), Is.LessThan(before - (5 * Size)));
    }

    [Test]
    public void RemoveExpiredUploads_Removed_StoreCompacted()
    {
        // Issue 14: an expired session and its chunks stayed in stale slots, the log and freed pages until a confirm.
        string mailbox = SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32));
        foreach (int i in Enumerable.Range(0, 4))
        {
            var session = Store.Source().CreateUpload(ItemKind.Submission, mailbox, Size);
            byte[] chunk = Ciphertext(i);
            Assert.That(Store.Source().StoreChunk(session.Id, 0, chunk, chunk.Length), Is.EqualTo(ChunkOutcome.Stored));
        }

        long before = StoreBytes();
        fixture.Time.Advance(TimeSpan.FromDays(2));

        int removed = Store.Source().RemoveExpiredUploads();

        Assert.That(removed, Is.EqualTo(4));
        Assert.That(StoreBytes(), Is.LessThan(before - (3 * Size)));
        Assert.That(Directory.Exists(Path.Combine(StoreDirectory, DurableStore.CompactionDirectoryName)), Is.False);
    }

    private static string Canary(int i) => $"ciphertext-canary-{i:D2}-5e1d";

    private static byte[] Ciphertext(int i)
    {
        var bytes = RandomNumberGenerator.GetBytes(Size);
        byte[] canary = Encoding.ASCII.GetBytes(Canary(i));
        for (int at = 0; at + canary.Length <= Size; at += 4096)
        {
            canary.CopyTo(bytes, at);
        }

        return bytes;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using (stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }

    private long StoreBytes() =>
        new FileInfo(Path.Combine(StoreDirectory, DurableStore.DataFileName)).Length
        + new FileInfo(Path.Combine(StoreDirectory, DurableStore.LogFileName)).Length;
}
