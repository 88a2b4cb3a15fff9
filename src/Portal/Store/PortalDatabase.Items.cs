using System.Buffers;
using LiteDB;
using WhistleSubmit.Crypto.Bundles;

namespace WhistleSubmit.Portal.Store;

/// <summary>Writing items: streamed in chunk-sized transactions, counted against the quotas, removed whole on failure.</summary>
public sealed partial class PortalDatabase
{
    internal string StoreItem(ItemKind kind, string mailboxId, Stream ciphertext, long maxBytes, string itemId)
    {
        CheckMailboxId(mailboxId);
        ArgumentNullException.ThrowIfNull(ciphertext);
        string blob = BundleItem.NewId();
        // A no-JS follow-up counts against its mailbox's share like an upload does (UploadEndpoints: 429 there).
        long mailboxUnexported = kind == ItemKind.Followup ? Read(db => db.GetCollection(Items)
            .Find(BsonExpression.Create("mailbox = @0", mailboxId))
            .Where(i => i["exported"].IsNull && i["kind"].AsString != nameof(ItemKind.Reply))
            .Sum(i => i["size"].AsInt64)) : 0;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(StoreOptions.ChunkSize);
        int stored = 0;
        long total = 0;
        try
        {
            while (true)
            {
                int n = ciphertext.ReadAtLeast(buffer.AsSpan(0, StoreOptions.ChunkSize), StoreOptions.ChunkSize, throwOnEndOfStream: false);
                total += n;
                if (total > maxBytes)
                {
                    throw new PortalStoreLimitException();
                }

                if (mailboxUnexported + total > Options.MaxUnexportedBytesPerMailbox)
                {
                    throw new PortalStoreQuotaException();
                }

                if (n == 0 && stored == 0)
                {
                    throw new ArgumentException("An item cannot be empty.", nameof(ciphertext));
                }

                bool last = n < StoreOptions.ChunkSize;
                int index = stored;
                Write(db =>
                {
                    if (n > 0)
                    {
                        CheckRoom(Interlocked.Read(ref itemBytes) + n, n);
                        ChunkedBlob.Write(db, ChunkedBlob.ChunkId(blob, index), buffer.AsSpan(0, n), pieceScratch, UtcDay);
                    }

                    int chunks = n > 0 ? index + 1 : index;
                    var sessions = db.GetCollection(Uploads);
                    if (last)
                    {
                        sessions.Delete(blob);
                        InsertItem(db, itemId, kind, mailboxId, blob, chunks, total);
                    }
                    else
                    {
                        // A session document, so that a crash part-way leaves chunks the expiry service removes.
                        sessions.Upsert(ToDocument(new UploadSession(blob, kind, mailboxId, 0, chunks, total,
                            UploadSession.ExpiryFor(Time.GetUtcNow(), Options.UploadLifetimeDays))));
                    }
                });
                stored = n > 0 ? index + 1 : index;
                if (last)
                {
                    return itemId;
                }
            }
        }
        catch when (stored > 0)
        {
            TryRemovePartial(blob, stored);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void TryRemovePartial(string blob, int chunks)
    {
        try
        {
            Write(db =>
            {
                if (db.GetCollection(Uploads).Delete(blob))
                {
                    ChunkedBlob.Delete(db, blob, chunks);
                }
            });
        }
        catch (Exception e) when (e is PortalStoreFullException || DiskFull.IsIoFailure(e))
        {
            // The session document stays behind and the expiry service removes the chunks later.
        }
    }

    internal void InsertItem(ILiteDatabase db, string itemId, ItemKind kind, string mailboxId, string blob, int chunks, long size)
    {
        db.GetCollection(Items).Insert(new BsonDocument
        {
            ["_id"] = itemId,
            ["mailbox"] = mailboxId,
            ["kind"] = kind.ToString(),
            ["day"] = Today,
            ["size"] = size,
            ["blob"] = blob,
            ["chunks"] = chunks,
            ["exported"] = BsonValue.Null,
            ["read"] = BsonValue.Null,
        });
        if (kind == ItemKind.Submission)
        {
            EnsureMailbox(db, mailboxId);
        }

        // The mailbox's day follows its newest item, so that retention counts from its last use (DeleteIdleMailboxes).
        var mailboxes = db.GetCollection(Mailboxes);
        if (mailboxes.FindById(mailboxId) is { } mailbox && mailbox["day"].AsString != Today)
        {
            mailbox["day"] = Today;
            mailboxes.Update(mailbox);
        }

        // Counted before the commit: if the commit fails the count is high until restart, the safe side for a quota.
        Interlocked.Add(ref itemBytes, size);
    }

    // Stored and reserved bytes against the global quota; bytes still to be written against free disk space.
    internal void CheckRoom(long afterTotal, long stillToWrite)
    {
        if (afterTotal > Options.GlobalQuotaBytes)
        {
            throw new PortalStoreFullException("The global quota is reached.");
        }

        long free = new DriveInfo(directory).AvailableFreeSpace;
        if (free - stillToWrite < Options.MinFreeBytes)
        {
            throw new PortalStoreFullException("Not enough free disk space.");
        }
    }

    internal static BsonDocument ToDocument(UploadSession s) => new()
    {
        ["_id"] = s.Id,
        ["kind"] = s.Kind.ToString(),
        ["mailbox"] = s.MailboxId,
        ["size"] = s.Size,
        ["next"] = s.NextChunk,
        ["received"] = s.Received,
        ["expires"] = s.ExpiryDay,
    };

    // A session written before expiry days (Unix seconds) is read as expiring at the next day boundary after its time.
    internal static UploadSession FromDocument(BsonDocument d) => new(
        d["_id"].AsString, Enum.Parse<ItemKind>(d["kind"].AsString), d["mailbox"].AsString, d["size"].AsInt64,
        d["next"].AsInt32, d["received"].AsInt64, d["expires"].IsString
            ? UploadSession.ParseExpiryDay(d["expires"].AsString)
            : UploadSession.ExpiryFor(DateTimeOffset.FromUnixTimeSeconds(d["expires"].AsInt64), 0));
}
