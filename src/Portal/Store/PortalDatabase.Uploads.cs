using System.Buffers;
using LiteDB;
using WhistleSubmit.Crypto.Bundles;

namespace WhistleSubmit.Portal.Store;

/// <summary>Resumable uploads: a session document plus the chunks stored so far, turned into an item on completion.</summary>
public sealed partial class PortalDatabase
{
    /// <summary>
    /// Reserves room for an upload of exactly size bytes and returns its session. Quotas are checked inside the same
    /// transaction, so concurrent requests cannot both squeeze under a limit.
    /// </summary>
    /// <exception cref="PortalStoreQuotaException">The mailbox has too many unfinished uploads or unexported bytes.</exception>
    /// <exception cref="PortalStoreFullException">Global quota or free disk space exhausted.</exception>
    public UploadSession CreateUpload(ItemKind kind, string mailboxId, long size)
    {
        CheckMailboxId(mailboxId);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Options.MaxUploadBytes);
        var session = new UploadSession(BundleItem.NewId(), kind, mailboxId, size, 0, 0,
            Time.GetUtcNow().AddMinutes(Options.UploadLifetimeMinutes));
        Write(db =>
        {
            var uploads = db.GetCollection(Uploads);
            var all = uploads.FindAll().ToList();
            var mine = all.Where(u => u["mailbox"].AsString == mailboxId).ToList();
            long mineUnexported = db.GetCollection(Items).Find(BsonExpression.Create("mailbox = @0", mailboxId))
                .Where(i => i["exported"].IsNull && i["kind"].AsString != nameof(ItemKind.Reply))
                .Sum(i => i["size"].AsInt64);
            if (mine.Count >= Options.MaxPendingUploadsPerMailbox
                || mineUnexported + mine.Sum(Reserved) + size > Options.MaxUnexportedBytesPerMailbox)
            {
                throw new PortalStoreQuotaException();
            }

            long reserved = all.Sum(Reserved);
            long unwritten = all.Sum(u => Math.Max(0, u["size"].AsInt64 - u["received"].AsInt64));
            CheckRoom(Interlocked.Read(ref itemBytes) + reserved + size, unwritten + size);
            uploads.Insert(ToDocument(session));
        });
        return session;
    }

    public UploadSession? FindUpload(string uploadId)
    {
        if (!BundleItem.IsValidId(uploadId))
        {
            return null;
        }

        var now = Time.GetUtcNow();
        return Read(db => db.GetCollection(Uploads).FindById(uploadId) is { } doc && FromDocument(doc) is var s && s.Expires > now ? s : null);
    }

    /// <summary>Stores chunk index of an upload durably, if it is the next one and has the right length.</summary>
    public ChunkOutcome StoreChunk(string uploadId, int index, byte[] buffer, int length)
    {
        var now = Time.GetUtcNow();
        return Write(db =>
        {
            var uploads = db.GetCollection(Uploads);
            if (!BundleItem.IsValidId(uploadId) || uploads.FindById(uploadId) is not { } doc || FromDocument(doc) is not { } s
                || s.Expires <= now)
            {
                return ChunkOutcome.UnknownUpload;
            }

            if (index < 0 || index >= ChunkedBlob.ChunkCount(s.Size))
            {
                return ChunkOutcome.PastEnd;
            }

            bool lengthMatches = length == ChunkedBlob.ChunkLength(s.Size, index);
            if (index < s.NextChunk)
            {
                return lengthMatches ? ChunkOutcome.AlreadyStored : ChunkOutcome.OutOfOrder;
            }

            if (index > s.NextChunk || !lengthMatches)
            {
                return ChunkOutcome.OutOfOrder;
            }

            ChunkedBlob.Write(db, ChunkedBlob.ChunkId(uploadId, index), buffer.AsSpan(0, length), pieceScratch, UtcDay);

            doc["next"] = s.NextChunk + 1;
            doc["received"] = s.Received + length;
            uploads.Update(doc);
            return ChunkOutcome.Stored;
        });
    }

    /// <summary>
    /// Turns a fully received upload into an item (and, for a submission, creates its mailbox) in one transaction.
    /// isAgeFile sees the first bytes only; if it refuses them, the upload and its chunks are removed.
    /// </summary>
    public (CompleteOutcome Outcome, string? ItemId) CompleteUpload(string uploadId, Func<Stream, bool> isAgeFile)
    {
        ArgumentNullException.ThrowIfNull(isAgeFile);
        var now = Time.GetUtcNow();
        string itemId = BundleItem.NewId();
        var outcome = Write(db =>
        {
            var uploads = db.GetCollection(Uploads);
            if (!BundleItem.IsValidId(uploadId) || uploads.FindById(uploadId) is not { } doc || FromDocument(doc) is not { } s
                || s.Expires <= now)
            {
                return CompleteOutcome.UnknownUpload;
            }

            if (s.Received != s.Size)
            {
                return CompleteOutcome.Incomplete;
            }

            int chunks = ChunkedBlob.ChunkCount(s.Size);
            bool wellFormed;
            using (var data = ChunkedBlob.Open(db, uploadId, chunks, s.Size))
            {
                wellFormed = isAgeFile(data);
            }

            uploads.Delete(uploadId);
            if (!wellFormed)
            {
                ChunkedBlob.Delete(db, uploadId, chunks);
                return CompleteOutcome.NotAgeFile;
            }

            InsertItem(db, itemId, s.Kind, s.MailboxId, uploadId, chunks, s.Size);
            return CompleteOutcome.Stored;
        });
        if (outcome == CompleteOutcome.Stored)
        {
            return (outcome, itemId);
        }

        return (outcome, null);
    }

    /// <summary>Removes uploads past their expiry with their chunks; returns how many.</summary>
    public int RemoveExpiredUploads()
    {
        var now = Time.GetUtcNow();
        var expired = Read(db => db.GetCollection(Uploads).FindAll().Select(FromDocument).Where(s => s.Expires <= now).ToList());
        foreach (var session in expired)
        {
            // One transaction per upload: a 2 GiB leftover does not make every other write wait behind it.
            Write(db =>
            {
                var uploads = db.GetCollection(Uploads);
                if (uploads.FindById(session.Id) is { } doc)
                {
                    ChunkedBlob.Delete(db, session.Id, doc["next"].AsInt32);
                    uploads.Delete(session.Id);
                }
            });
        }

        return expired.Count;
    }

    internal string StoreItem(ItemKind kind, string mailboxId, Stream ciphertext, long maxBytes, string itemId)
    {
        CheckMailboxId(mailboxId);
        ArgumentNullException.ThrowIfNull(ciphertext);
        string blob = BundleItem.NewId();
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
                            Time.GetUtcNow().AddMinutes(Options.UploadLifetimeMinutes))));
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

    private void InsertItem(ILiteDatabase db, string itemId, ItemKind kind, string mailboxId, string blob, int chunks, long size)
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

        // Counted before the commit: if the commit fails the count is high until restart, the safe side for a quota.
        Interlocked.Add(ref itemBytes, size);
    }

    // Stored and reserved bytes against the global quota; bytes still to be written against free disk space.
    private void CheckRoom(long afterTotal, long stillToWrite)
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

    private static long Reserved(BsonDocument upload) => Math.Max(upload["size"].AsInt64, upload["received"].AsInt64);

    private static BsonDocument ToDocument(UploadSession s) => new()
    {
        ["_id"] = s.Id,
        ["kind"] = s.Kind.ToString(),
        ["mailbox"] = s.MailboxId,
        ["size"] = s.Size,
        ["next"] = s.NextChunk,
        ["received"] = s.Received,
        ["expires"] = s.Expires.ToUnixTimeSeconds(),
    };

    private static UploadSession FromDocument(BsonDocument d) => new(
        d["_id"].AsString, Enum.Parse<ItemKind>(d["kind"].AsString), d["mailbox"].AsString, d["size"].AsInt64,
        d["next"].AsInt32, d["received"].AsInt64, DateTimeOffset.FromUnixTimeSeconds(d["expires"].AsInt64));
}
