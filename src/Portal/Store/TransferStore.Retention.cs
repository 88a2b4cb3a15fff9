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
    /// Deletes replies the source has read that were imported at least readDays ago, and every reply imported at least
    /// maxDays ago, read or not; then compacts the store as a confirmation does. Returns the ids deleted. The store
    /// knows whether a reply was read, not when (issue 14: no check-in days); a read-day kept by an older version is
    /// turned into the flag here.
    /// </summary>
    public IReadOnlyList<string> DeleteExpiredReplies(int readDays, int maxDays)
    {
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        string readBefore = Day(today.AddDays(-readDays));
        string importedBefore = Day(today.AddDays(-maxDays));
        var (deleted, upgraded) = Write(db =>
        {
            var items = db.GetCollection(Items);
            var replies = items.Find(Query.EQ("kind", nameof(ItemKind.Reply))).ToList();
            var expired = replies
                .Where(d => string.CompareOrdinal(d["day"].AsString, importedBefore) <= 0
                    || (!d["read"].IsNull && string.CompareOrdinal(d["day"].AsString, readBefore) <= 0))
                .ToList();
            foreach (var doc in expired)
            {
                ChunkedBlob.Delete(db, doc["blob"].AsString, doc["chunks"].AsInt32);
                items.Delete(doc["_id"]);
                database.ItemsDeleted(doc["size"].AsInt64);
            }

            var dated = replies.Except(expired).Where(d => d["read"].IsString).ToList();
            foreach (var doc in dated)
            {
                doc["read"] = true;
                items.Update(doc);
            }

            return (expired.Select(d => d["_id"].AsString).ToList(), dated.Count);
        });
        if (deleted.Count > 0 || upgraded > 0)
        {
            database.Compact();
        }

        return deleted;
    }

    /// <summary>
    /// Deletes mailboxes that hold no item (submission, follow-up or reply) and whose last item arrived at least days
    /// ago, then compacts; returns how many. The mailbox keeps only that day (the day of its newest item, already on
    /// the item while it exists), never the day a source checked it.
    /// </summary>
    public int DeleteIdleMailboxes(int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        string before = Day(DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime).AddDays(-days));
        int deleted = Write(db =>
        {
            var used = db.GetCollection(Items).FindAll().Select(d => d["mailbox"].AsString).ToHashSet(StringComparer.Ordinal);
            var mailboxes = db.GetCollection(Mailboxes);
            var idle = mailboxes.FindAll()
                .Where(d => !used.Contains(d["_id"].AsString) && string.CompareOrdinal(d["day"].AsString, before) <= 0)
                .ToList();
            foreach (var doc in idle)
            {
                mailboxes.Delete(doc["_id"]);
            }

            return idle.Count;
        });
        if (deleted > 0)
        {
            database.Compact();
        }

        return deleted;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
