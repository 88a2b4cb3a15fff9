using System.Text;
using LiteDB;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>
/// A store for the compaction tests: documents whose payload repeats a per-document canary, two indexes, and most
/// documents deleted again, with checkpoints so that the deletion leaves stale slots and freed pages behind.
/// </summary>
internal static class CanaryStore
{
    public const int Count = 40;
    public const int Kept = 4;

    public static byte[] Canary(int id) => Encoding.ASCII.GetBytes($"canary-{id:D4}-a7f3c91e");

    public static byte[] Payload(int id) => Enumerable.Repeat(Canary(id), 2000).SelectMany(b => b).ToArray();

    public static void Fill(string directory, byte[] key)
    {
        using var store = DurableStore.Open(directory, key);
        for (int id = 0; id < Count; id++)
        {
            var payload = Payload(id);
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(
                new BsonDocument { ["_id"] = id, ["group"] = id % 3, ["payload"] = payload }));
        }

        store.Write(db => db.GetCollection(Payloads.Collection).EnsureIndex("group"));
        store.Write(db => db.GetCollection("empty").EnsureIndex("name", "$.name", unique: true));
        Checkpoint(store);
        store.Write(db => db.GetCollection(Payloads.Collection).DeleteMany(Query.GTE("_id", Kept)));
        Checkpoint(store);
    }

    public static void AssertKeptIntact(DurableStore store)
    {
        store.Read(db =>
        {
            var items = db.GetCollection(Payloads.Collection);
            Assert.That(items.Count(), Is.EqualTo(Kept));
            for (int id = 0; id < Kept; id++)
            {
                Assert.That(items.FindById(id)["payload"].AsBinary, Is.EqualTo(Payload(id)));
            }

            var indexes = db.GetCollection("$indexes").FindAll().Select(i => i["collection"].AsString + "." + i["name"].AsString);
            Assert.That(indexes, Is.SupersetOf(new[] { "items.group", "empty.name" }));
            Assert.That(items.Count(Query.EQ("group", 1)), Is.EqualTo(1));
            return 0;
        });
    }

    /// <summary>The non-empty slots of store.keys (each 4,096 bytes).</summary>
    public static int KeySlotsInUse(string directory)
    {
        var raw = File.ReadAllBytes(Path.Combine(directory, "store.keys"));
        Assert.That(raw, Has.Length.EqualTo(8192));
        return Enumerable.Range(0, 2).Count(slot => raw.AsSpan(slot * 4096, 4096).ContainsAnyExcept((byte)0));
    }

    // Puts the pages into the data file, so that the deletion overwrites one slot of each and leaves the other stale.
    private static void Checkpoint(DurableStore store) => store.Read(db =>
    {
        db.Checkpoint();
        return 0;
    });
}
