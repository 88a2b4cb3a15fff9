using LiteDB;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>Deterministic documents, so a reader can check an id's content without a copy.</summary>
internal static class Payloads
{
    public const string Collection = "items";

    public static BsonDocument Document(int id, int size) =>
        new() { ["_id"] = id, ["size"] = size, ["payload"] = Bytes(id, size) };

    public static byte[] Bytes(int id, int size)
    {
        var bytes = new byte[size];
        new Random(id).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Ids of acknowledged documents that are missing or wrong.</summary>
    public static List<int> Missing(ILiteDatabase db, IEnumerable<int> ids)
    {
        var items = db.GetCollection(Collection);
        var missing = new List<int>();
        foreach (var id in ids)
        {
            var doc = items.FindById(id);
            if (doc is null || !doc["payload"].AsBinary.AsSpan().SequenceEqual(Bytes(id, doc["size"].AsInt32)))
            {
                missing.Add(id);
            }
        }

        return missing;
    }
}
