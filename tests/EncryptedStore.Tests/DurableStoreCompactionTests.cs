using System.Security.Cryptography;
using System.Text;
using LiteDB;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

public sealed class DurableStoreCompactionTests
{
    private const int Count = 40;
    private const int Kept = 4;

    private string directory = "";
    private byte[] key = [];

    [SetUp]
    public void SetUp()
    {
        directory = new TempDirectory("ws-storage-tests-").Path;
        key = RandomNumberGenerator.GetBytes(32);
    }

    [TearDown]
    public void TearDown()
    {
        DurableStore.CompactionStep = null;
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void Compact_AfterDeletes_FileShrinksKeptDataIntactDeletedPlaintextGone()
    {
        // Arrange
        Fill();
        long before = new FileInfo(DataPath).Length;
        Assert.That(AnyFileContains(Canary(Kept)), Is.True, "the deleted document is still in some page slot");

        // Act
        DurableStore.Compact(directory, key);

        // Assert
        Assert.That(new FileInfo(DataPath).Length, Is.LessThan(before));
        Assert.That(Enumerable.Range(Kept, Count - Kept).Where(i => AnyFileContains(Canary(i))), Is.Empty);
        Assert.That(AnyFileContains(Canary(0)), Is.True);
        using var store = DurableStore.Open(directory, key);
        AssertKeptIntact(store);
    }

    [TestCase("copy")]
    [TestCase("copy batch")]
    [TestCase("mark")]
    [TestCase("move store.log")]
    [TestCase("move store.db")]
    [TestCase("sync")]
    [TestCase("discard")]
    public void Compact_CrashAtStep_NextOpenHasEveryKeptDocument(string step)
    {
        // Arrange
        Fill();
        DurableStore.CompactionStep = s =>
        {
            if (s == step)
            {
                throw new SimulatedCrashException();
            }
        };

        // Act
        Assert.That(() => DurableStore.Compact(directory, key), Throws.TypeOf<SimulatedCrashException>());
        DurableStore.CompactionStep = null;

        // Assert
        using (var store = DurableStore.Open(directory, key))
        {
            AssertKeptIntact(store);
        }

        Assert.That(Directory.Exists(Path.Combine(directory, DurableStore.CompactionDirectoryName)), Is.False);
        DurableStore.Compact(directory, key);
        using var compacted = DurableStore.Open(directory, key);
        AssertKeptIntact(compacted);
    }

    [Test]
    public void Compact_StoreOpen_ThrowsStoreLockedAndLeavesStore()
    {
        Fill();
        using var store = DurableStore.Open(directory, key);
        Assert.That(() => DurableStore.Compact(directory, key), Throws.TypeOf<StoreLockedException>());
        AssertKeptIntact(store);
    }

    private string DataPath => Path.Combine(directory, DurableStore.DataFileName);

    private static byte[] Canary(int id) => Encoding.ASCII.GetBytes($"canary-{id:D4}-a7f3c91e");

    // Documents whose payload repeats a per-document canary, two indexes, and most documents deleted again.
    private void Fill()
    {
        using var store = DurableStore.Open(directory, key);
        for (int id = 0; id < Count; id++)
        {
            var payload = Enumerable.Repeat(Canary(id), 2000).SelectMany(b => b).ToArray();
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(
                new BsonDocument { ["_id"] = id, ["group"] = id % 3, ["payload"] = payload }));
        }

        store.Write(db => db.GetCollection(Payloads.Collection).EnsureIndex("group"));
        store.Write(db => db.GetCollection("empty").EnsureIndex("name", "$.name", unique: true));
        Checkpoint(store);
        store.Write(db => db.GetCollection(Payloads.Collection).DeleteMany(Query.GTE("_id", Kept)));
        Checkpoint(store);
    }

    // Puts the pages into the data file, so that the deletion overwrites one slot of each and leaves the other stale.
    private static void Checkpoint(DurableStore store) => store.Read(db =>
    {
        db.Checkpoint();
        return 0;
    });

    private static void AssertKeptIntact(DurableStore store)
    {
        store.Read(db =>
        {
            var items = db.GetCollection(Payloads.Collection);
            Assert.That(items.Count(), Is.EqualTo(Kept));
            for (int id = 0; id < Kept; id++)
            {
                var payload = Enumerable.Repeat(Canary(id), 2000).SelectMany(b => b).ToArray();
                Assert.That(items.FindById(id)["payload"].AsBinary, Is.EqualTo(payload));
            }

            var indexes = db.GetCollection("$indexes").FindAll().Select(i => i["collection"].AsString + "." + i["name"].AsString);
            Assert.That(indexes, Is.SupersetOf(new[] { "items.group", "empty.name" }));
            Assert.That(items.Count(Query.EQ("group", 1)), Is.EqualTo(1));
            return 0;
        });
    }

    private bool AnyFileContains(byte[] pattern) =>
        SlotScanner.Contains(DataPath, key, StoreFileKind.Data, pattern)
        || SlotScanner.Contains(Path.Combine(directory, DurableStore.LogFileName), key, StoreFileKind.Log, pattern)
        || Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(pattern) >= 0);
}
