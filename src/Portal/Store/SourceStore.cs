using LiteDB;
using WhistleSubmit.Crypto.Bundles;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The source side's one door to the store: what the no-JS pages, the upload API and the mailbox API may do, and
/// nothing of the transfer side's (export, confirm, reviewers, audit). Every method that changes something returns
/// once the change is durable; refusals are <see cref="PortalStoreFullException"/>, <see cref="PortalStoreLimitException"/>
/// and <see cref="PortalStoreQuotaException"/>. Resumable uploads are in SourceStore.Uploads.cs; the engine underneath
/// is <see cref="PortalDatabase"/>.
/// </summary>
public sealed partial class SourceStore(PortalDatabase database)
{
    private const string Items = PortalDatabase.Items;
    private const string Uploads = PortalDatabase.Uploads;
    private readonly UploadActivity activity = new(database.Options, database.Time);

    public StoreOptions Options => database.Options;

    public bool MailboxExists(string mailboxId) => database.MailboxExists(mailboxId);

    /// <summary>Stores ciphertext read to its end (a submission also creates its mailbox, in the same transaction).</summary>
    public string StoreItem(ItemKind kind, string mailboxId, Stream ciphertext, long maxBytes)
    {
        if (kind == ItemKind.Reply)
        {
            throw new ArgumentException("Replies come from the reviewers, through import-replies.", nameof(kind));
        }

        return database.StoreItem(kind, mailboxId, ciphertext, maxBytes, BundleItem.NewId());
    }

    public IReadOnlyList<StoredReply> ListReplies(string mailboxId)
    {
        CheckMailboxId(mailboxId);
        return Read(db => db.GetCollection(Items)
            .Find(RepliesOf(mailboxId))
            .OrderBy(d => d["day"].AsString, StringComparer.Ordinal)
            .ThenBy(d => d["_id"].AsString, StringComparer.Ordinal)
            .Select(d => new StoredReply(d["_id"].AsString, d["day"].AsString, ReadAll(db, d)))
            .ToList());
    }

    /// <summary>
    /// Marks the mailbox's replies read: a flag, never the day (a check-in day would date a source's visit; issue 14).
    /// </summary>
    public void MarkRepliesRead(string mailboxId)
    {
        CheckMailboxId(mailboxId);
        Write(db =>
        {
            var items = db.GetCollection(Items);
            // Materialised first: LiteDB's lazy cursor does not survive updates in the same transaction.
            foreach (var reply in items.Find(RepliesOf(mailboxId)).ToList())
            {
                if (reply["read"].IsNull)
                {
                    reply["read"] = true;
                    items.Update(reply);
                }
            }
        });
    }

    private TimeProvider Time => database.Time;

    private static void CheckMailboxId(string mailboxId) => PortalDatabase.CheckMailboxId(mailboxId);

    private T Read<T>(Func<ILiteDatabase, T> query) => database.Read(query);

    private T Write<T>(Func<ILiteDatabase, T> transaction) => database.Write(transaction);

    private void Write(Action<ILiteDatabase> transaction) => database.Write(transaction);

    // Parameters, never Query.EQ: LiteDB 5.0.21's Query.EQ writes the value into the expression text, and compiles
    // and caches one delegate per distinct text for the life of the process (LiteDB#1688, #2421), so every mailbox
    // id queried cost a compilation (seen in profiles of the upload load) and stayed in memory.
    private static BsonExpression RepliesOf(string mailboxId) =>
        BsonExpression.Create("mailbox = @0 AND kind = @1", mailboxId, nameof(ItemKind.Reply));

    private static byte[] ReadAll(ILiteDatabase db, BsonDocument item)
    {
        using var stream = ChunkedBlob.Open(db, item["blob"].AsString, item["chunks"].AsInt32, item["size"].AsInt64);
        byte[] bytes = new byte[item["size"].AsInt64];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
