using LiteDB;
using WhistleSubmit.Crypto.Bundles;

namespace WhistleSubmit.Portal.Store;

/// <summary>Resumable uploads: a session document plus the chunks stored so far, turned into an item on completion.</summary>
public sealed partial class SourceStore
{
    private long UnexportedBytes(ILiteDatabase db, string mailboxId) =>
        db.GetCollection(Items).Find(BsonExpression.Create("mailbox = @0", mailboxId))
            .Where(i => i["exported"].IsNull && i["kind"].AsString != nameof(ItemKind.Reply))
            .Sum(i => i["size"].AsInt64);

    // The in-memory table starts from the sessions in the store (after a restart too); no-JS items in progress
    // (size 0) are written whole within one request and reserve nothing ahead.
    private void LoadActivity(ILiteDatabase db)
    {
        if (!activity.Loaded)
        {
            activity.Load(db.GetCollection(Uploads).FindAll().Where(d => d["size"].AsInt64 > 0)
                .Select(d => (d["_id"].AsString, d["mailbox"].AsString, d["size"].AsInt64, d["received"].AsInt64)));
        }
    }

    /// <summary>
    /// Registers an upload of exactly size bytes and reserves its first window (<see cref="UploadActivity"/>). Quotas
    /// are checked inside the same transaction, against the in-memory table, so concurrent requests cannot both
    /// squeeze under a limit and no request reads every session.
    /// </summary>
    /// <exception cref="PortalStoreQuotaException">The mailbox has too many unfinished uploads or unexported bytes.</exception>
    /// <exception cref="PortalStoreFullException">Global quota, free disk space or the number of unfinished uploads exhausted.</exception>
    public UploadSession CreateUpload(ItemKind kind, string mailboxId, long size)
    {
        CheckMailboxId(mailboxId);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, Options.MaxUploadBytes);
        var session = new UploadSession(BundleItem.NewId(), kind, mailboxId, size, 0, 0,
            UploadSession.ExpiryFor(Time.GetUtcNow(), Options.UploadLifetimeDays));
        Write(db =>
        {
            LoadActivity(db);
            if (activity.Count >= Options.MaxPendingUploads)
            {
                throw new PortalStoreFullException("Too many unfinished uploads.");
            }

            if (activity.PendingFor(mailboxId) >= Options.MaxPendingUploadsPerMailbox
                || UnexportedBytes(db, mailboxId) + activity.DeclaredFor(mailboxId) + size > Options.MaxUnexportedBytesPerMailbox)
            {
                throw new PortalStoreQuotaException();
            }

            var (received, windows) = activity.Totals();
            long window = activity.WindowFor(size);
            database.CheckRoom(database.ItemBytes + received + windows + window, windows + window);
            db.GetCollection(Uploads).Insert(PortalDatabase.ToDocument(session));
            activity.Add(session.Id, mailboxId, size);
        });
        return session;
    }

    /// <summary>Unfinished uploads that are active now (for the proof of work's price: what is held, not what is abandoned).</summary>
    public int ActiveUploads
    {
        get
        {
            if (!activity.Loaded)
            {
                Write(LoadActivity);
            }

            return activity.ActiveCount();
        }
    }

    /// <summary>Claims the one chunk body an upload may be sending at a time; false if one is already arriving.</summary>
    public bool TryBeginChunkBody(string uploadId)
    {
        if (!activity.TryBeginBody(uploadId))
        {
            return false;
        }

        activity.Touch(uploadId);
        return true;
    }

    public void EndChunkBody(string uploadId) => activity.EndBody(uploadId);

    public UploadSession? FindUpload(string uploadId)
    {
        if (!BundleItem.IsValidId(uploadId))
        {
            return null;
        }

        var now = Time.GetUtcNow();
        return Read(db => db.GetCollection(Uploads).FindById(uploadId) is { } doc && PortalDatabase.FromDocument(doc) is var s && s.Expires > now ? s : null);
    }

    /// <summary>Stores chunk index of an upload durably, if it is the next one and has the right length.</summary>
    public ChunkOutcome StoreChunk(string uploadId, int index, byte[] buffer, int length)
    {
        var now = Time.GetUtcNow();
        return Write(db =>
        {
            var uploads = db.GetCollection(Uploads);
            if (!BundleItem.IsValidId(uploadId) || uploads.FindById(uploadId) is not { } doc || PortalDatabase.FromDocument(doc) is not { } s
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

            // Only the chunk itself needs room: windows reserved by others (and never used) cannot stop an upload
            // that is sending its bytes. An idle upload coming back holds its window again from here.
            LoadActivity(db);
            database.CheckRoom(database.ItemBytes + activity.Totals().Received + length, length);
            database.WriteChunk(db, ChunkedBlob.ChunkId(uploadId, index), buffer.AsSpan(0, length));

            doc["next"] = s.NextChunk + 1;
            doc["received"] = s.Received + length;
            uploads.Update(doc);
            activity.Received(uploadId, s.Received + length);
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
            if (!BundleItem.IsValidId(uploadId) || uploads.FindById(uploadId) is not { } doc || PortalDatabase.FromDocument(doc) is not { } s
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
            activity.Remove(uploadId);
            if (!wellFormed)
            {
                ChunkedBlob.Delete(db, uploadId, chunks);
                return CompleteOutcome.NotAgeFile;
            }

            database.InsertItem(db, itemId, s.Kind, s.MailboxId, uploadId, chunks, s.Size);
            return CompleteOutcome.Stored;
        });
        if (outcome == CompleteOutcome.Stored)
        {
            return (outcome, itemId);
        }

        return (outcome, null);
    }

    /// <summary>
    /// Removes uploads past their expiry with their chunks, then compacts the store as a confirmation does, so that the
    /// removed sessions and chunks are in no stale slot, log or freed page of its files; returns how many.
    /// </summary>
    public int RemoveExpiredUploads()
    {
        var now = Time.GetUtcNow();
        var expired = Read(db => db.GetCollection(Uploads).FindAll().Select(PortalDatabase.FromDocument).Where(s => s.Expires <= now).ToList());
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

                activity.Remove(session.Id);
            });
        }

        if (expired.Count > 0)
        {
            database.Compact();
        }

        // Uploads idle with nothing received are abandoned (a client sends its first chunk right after creating):
        // removed now, so they cannot fill MaxPendingUploads. Their records leave the files at the next compaction.
        // Not counted in the result: the expiry service logs it, and a line at any time of day would date them.
        foreach (string id in activity.Loaded ? activity.IdleEmpty() : [])
        {
            Write(db =>
            {
                var uploads = db.GetCollection(Uploads);
                if (uploads.FindById(id) is { } doc && doc["received"].AsInt64 == 0)
                {
                    uploads.Delete(id);
                }

                activity.Remove(id);
            });
        }

        return expired.Count;
    }
}
