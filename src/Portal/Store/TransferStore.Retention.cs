using System.Globalization;
using LiteDB;

namespace WhistleSubmit.Portal.Store;

/// <summary>What retention needs: the items by state, pending exports, and deletion of replies that have served.</summary>
public sealed partial class TransferStore
{
    /// <summary>Every submission, follow-up and reply, metadata only.</summary>
    public IReadOnlyList<StoredItem> ListItems() => Read(db => db.GetCollection(Items).FindAll().Select(ToItem).ToList());

    /// <summary>Exported bundles still waiting for an import receipt, oldest first.</summary>
    public IReadOnlyList<PendingExport> ListPendingExports() => Read(db => db.GetCollection(Exports).FindAll()
        .Select(d => new PendingExport(d["_id"].AsString, d["day"].AsString, d["items"].AsArray.Count))
        .OrderBy(e => e.Day, StringComparer.Ordinal)
        .ThenBy(e => e.BundleSha256, StringComparer.Ordinal)
        .ToList());

    /// <summary>
    /// Deletes replies the source read at least readDays ago, and every reply imported at least maxDays ago, read or
    /// not; then compacts the store as a confirmation does. Returns the ids deleted.
    /// </summary>
    public IReadOnlyList<string> DeleteExpiredReplies(int readDays, int maxDays)
    {
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        string readBefore = Day(today.AddDays(-readDays));
        string importedBefore = Day(today.AddDays(-maxDays));
        var deleted = Write(db =>
        {
            var items = db.GetCollection(Items);
            var expired = items.Find(Query.EQ("kind", nameof(ItemKind.Reply)))
                .Where(d => string.CompareOrdinal(d["day"].AsString, importedBefore) <= 0
                    || (!d["read"].IsNull && string.CompareOrdinal(d["read"].AsString, readBefore) <= 0))
                .ToList();
            foreach (var doc in expired)
            {
                ChunkedBlob.Delete(db, doc["blob"].AsString, doc["chunks"].AsInt32);
                items.Delete(doc["_id"]);
                database.ItemsDeleted(doc["size"].AsInt64);
            }

            return expired.Select(d => d["_id"].AsString).ToList();
        });
        if (deleted.Count > 0)
        {
            database.Compact();
        }

        return deleted;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
