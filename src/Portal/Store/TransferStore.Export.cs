using LiteDB;
using WhistleSubmit.Crypto.Bundles;

namespace WhistleSubmit.Portal.Store;

/// <summary>What the admin verbs and the transfer pages need: export, reply import, confirmed deletion and status.</summary>
public sealed partial class TransferStore
{
    /// <summary>Submissions and follow-ups not yet exported, oldest day first.</summary>
    public IReadOnlyList<StoredItem> ListUnexported() => Read(db => db.GetCollection(Items)
        .Find(Query.EQ("exported", BsonValue.Null))
        .Where(d => d["kind"].AsString != nameof(ItemKind.Reply))
        .Select(ToItem)
        .OrderBy(i => i.Day, StringComparer.Ordinal)
        .ThenBy(i => i.Id, StringComparer.Ordinal)
        .ToList());

    /// <summary>
    /// The ciphertext of an item, read lazily chunk by chunk; the store is not compacted (closed and swapped) until
    /// the stream is disposed.
    /// </summary>
    public Stream OpenCiphertext(string itemId)
    {
        EnterUse();
        try
        {
            return Read(db =>
            {
                var doc = db.GetCollection(Items).FindById(itemId) ?? throw new ArgumentException("No such item.", nameof(itemId));
                return ChunkedBlob.Open(db, doc["blob"].AsString, doc["chunks"].AsInt32, doc["size"].AsInt64, ExitUse);
            });
        }
        catch
        {
            ExitUse();
            throw;
        }
    }

    /// <summary>
    /// Records an exported bundle (by SHA-256) and marks its items exported, in one transaction. A bundle prepared for
    /// the transfer pages has its at-rest key recorded with it, which goes when the export is confirmed in full.
    /// </summary>
    public void MarkExported(string bundleSha256, IReadOnlyList<string> itemIds, PreparedBundleKey? atRest = null)
    {
        string today = Today;
        Write(db =>
        {
            var items = db.GetCollection(Items);
            foreach (string id in itemIds)
            {
                var doc = items.FindById(id) ?? throw new ArgumentException("No such item.", nameof(itemIds));
                doc["exported"] = today;
                items.Update(doc);
            }

            var export = new BsonDocument
            {
                ["_id"] = bundleSha256,
                ["day"] = today,
                ["items"] = new BsonArray(itemIds.Select(i => new BsonValue(i))),
            };
            if (atRest is not null)
            {
                export["atRestKey"] = atRest.SecretKey;
                export["atRestLength"] = atRest.Length;
            }

            db.GetCollection(Exports).Upsert(export);
        });
    }

    /// <summary>The at-rest key of a pending export's prepared bundle; null if unknown, confirmed, or written by the admin verb.</summary>
    public PreparedBundleKey? FindPreparedBundleKey(string bundleSha256) => Read(db =>
        db.GetCollection(Exports).FindById(bundleSha256) is { } doc && doc["atRestKey"].IsString
            ? new PreparedBundleKey(doc["atRestKey"].AsString, doc["atRestLength"].AsInt64)
            : null);

    /// <summary>Stores a reviewer's reply under the bundle's item id; false if it is already here (import is idempotent).</summary>
    public bool StoreReply(string itemId, string mailboxId, Stream ciphertext)
    {
        if (!BundleItem.IsValidId(itemId))
        {
            throw new ArgumentException("Malformed item id.", nameof(itemId));
        }

        if (Read(db => db.GetCollection(Items).Exists(Query.EQ("_id", itemId))))
        {
            return false;
        }

        database.StoreItem(ItemKind.Reply, mailboxId, ciphertext, Options.MaxReplyBytes, itemId);
        return true;
    }

    /// <summary>
    /// Deletes the listed items that were exported in the bundle with this SHA-256 (and only those), then compacts the
    /// store (<see cref="PortalDatabase.Compact"/>), so the deleted ciphertext is in no file of it. A bundle confirmed in
    /// full is remembered by its SHA-256 (already in the audit log), so its receipt again is "already confirmed", as a
    /// second import of a bundle is on the console. The console's audit-chain head from the signed receipt is recorded
    /// with the bundle (<see cref="ConsoleAuditHeads"/>). Null if no such export is known.
    /// </summary>
    public ConfirmOutcome? DeleteConfirmed(string bundleSha256, IReadOnlyCollection<string> itemIds, string consoleAuditHead)
    {
        ArgumentException.ThrowIfNullOrEmpty(consoleAuditHead);
        var result = Write<ConfirmOutcome?>(db =>
        {
            var exports = db.GetCollection(Exports);
            if (exports.FindById(bundleSha256) is not { } export)
            {
                if (!db.GetCollection(ConfirmedExports).Exists(Query.EQ("_id", bundleSha256)))
                {
                    return null;
                }

                RecordConsoleAuditHead(db, bundleSha256, consoleAuditHead);
                return new ConfirmOutcome([], [], Compacted: false) { AlreadyConfirmed = true };
            }

            RecordConsoleAuditHead(db, bundleSha256, consoleAuditHead);

            var inBundle = export["items"].AsArray.Select(v => v.AsString).ToHashSet(StringComparer.Ordinal);
            var items = db.GetCollection(Items);
            List<string> deleted = [], missing = [];
            foreach (string id in itemIds.Where(inBundle.Contains))
            {
                if (items.FindById(id) is { } doc)
                {
                    ChunkedBlob.Delete(db, doc["blob"].AsString, doc["chunks"].AsInt32);
                    items.Delete(id);
                    database.ItemsDeleted(doc["size"].AsInt64);
                    deleted.Add(id);
                }
                else
                {
                    missing.Add(id);
                }

                inBundle.Remove(id);
            }

            if (inBundle.Count == 0)
            {
                exports.Delete(bundleSha256);
                db.GetCollection(ConfirmedExports).Upsert(new BsonDocument { ["_id"] = bundleSha256 });
            }
            else
            {
                export["items"] = new BsonArray(inBundle.Select(i => new BsonValue(i)));
                exports.Update(export);
            }

            return new ConfirmOutcome(deleted, missing, Compacted: false);
        });
        return result is null or { AlreadyConfirmed: true } ? result : result with { Compacted = database.Compact() };
    }

    /// <summary>Counts of everything in the store, and the free disk space.</summary>
    public StoreStatus Status() => Read(db =>
    {
        var items = db.GetCollection(Items).FindAll().Select(ToItem).ToList();
        var unexported = items.Where(i => i.Kind != ItemKind.Reply && i.ExportedDay is null).ToList();
        return new StoreStatus(
            db.GetCollection(Mailboxes).Count(),
            items.Count(i => i.Kind == ItemKind.Submission),
            items.Count(i => i.Kind == ItemKind.Followup),
            items.Count(i => i.Kind == ItemKind.Reply),
            unexported.Count,
            unexported.Sum(i => i.Size),
            unexported.Select(i => i.Day).Order(StringComparer.Ordinal).FirstOrDefault(),
            items.Count(i => i.Kind == ItemKind.Reply && !i.Read),
            db.GetCollection(Uploads).Count(),
            items.Sum(i => i.Size),
            database.FreeDiskBytes);
    });

    private static StoredItem ToItem(BsonDocument d) => new(
        d["_id"].AsString, d["mailbox"].AsString, Enum.Parse<ItemKind>(d["kind"].AsString), d["day"].AsString,
        d["size"].AsInt64, d["exported"].IsNull ? null : d["exported"].AsString, !d["read"].IsNull);
}
