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
    /// squeeze under a limit and no request reads every session. At <see cref="StoreOptions.MaxPendingUploads"/> the
    /// upload idle longest is removed to make room (a flood of uploads that send nothing cannot fill the table).
    /// </summary>
    /// <exception cref="PortalStoreQuotaException">The mailbox has too many unfinished uploads or unexported bytes.</exception>
    /// <exception cref="PortalStoreFullException">Global quota, free disk space, or every unfinished upload active.</exception>
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
            if (activity.PendingFor(mailboxId) >= Options.MaxPendingUploadsPerMailbox
                || UnexportedBytes(db, mailboxId) + activity.DeclaredFor(mailboxId) + size > Options.MaxUnexportedBytesPerMailbox)
            {
                throw new PortalStoreQuotaException();
            }

            // Chosen first, removed last: a refusal below rolls the transaction back and must leave the table as it was.
            var evict = activity.Count >= Options.MaxPendingUploads
                ? activity.OldestIdle() ?? throw new PortalStoreFullException("Too many unfinished uploads.")
                : ((string Id, long Received)?)null;
            var (received, windows) = activity.Totals();
            long window = activity.WindowFor(size);
            database.CheckRoom(database.ItemBytes + received - (evict?.Received ?? 0) + windows + window, windows + window);
            if (evict is { } old)
            {
                DeleteUpload(db, old.Id);
            }

            db.GetCollection(Uploads).Insert(PortalDatabase.ToDocument(session));
            activity.Add(session.Id, mailboxId, size);
        });
        return session;
    }

    /// <summary>Unfinished uploads in the table (for the proof of work's price: every one held, active or not, until it ages out).</summary>
    public int PendingUploads
    {
        get
        {
            if (!activity.Loaded)
            {
                Write(LoadActivity);
            }

            return activity.Count;
        }
    }

    /// <summary>
    /// Claims the one chunk body an upload may be sending at a time; false if one is already arriving. It does not make
    /// the upload active: only a stored chunk does (<see cref="StoreChunk"/>).
    /// </summary>
    public bool TryBeginChunkBody(string uploadId) => activity.TryBeginBody(uploadId);

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

    // Inside a write transaction: the session, its chunks so far, and its entry in the table (last, once the deletes
    // have not thrown).
    private void DeleteUpload(ILiteDatabase db, string id)
    {
        var uploads = db.GetCollection(Uploads);
        if (uploads.FindById(id) is { } doc)
        {
            ChunkedBlob.Delete(db, id, doc["next"].AsInt32);
            uploads.Delete(id);
        }

        activity.Remove(id);
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
    /// removed sessions and chunks are in no stale slot, log or freed page of its files; returns how many. Abandoned
    /// uploads (<see cref="UploadActivity.Abandoned"/>) go too, uncounted.
    /// </summary>
    public int RemoveExpiredUploads()
    {
        var now = Time.GetUtcNow();
        var expired = Read(db => db.GetCollection(Uploads).FindAll().Select(PortalDatabase.FromDocument).Where(s => s.Expires <= now).ToList());
        foreach (var session in expired)
        {
            // One transaction per upload: a 2 GiB leftover does not make every other write wait behind it.
            Write(db => DeleteUpload(db, session.Id));
        }

        // Abandoned uploads (idle with nothing received, or idle UploadAbandonedSeconds whatever they hold): removed
        // now, so they cannot fill MaxPendingUploads or keep the proof of work's price up. Each is checked again inside
        // its transaction (a chunk stored or a body begun since the list was made keeps it). Not counted in the
        // result: the expiry service logs it, and a line at any time of day would date them.
        bool abandoned = false;
        foreach (string id in activity.Loaded ? activity.Abandoned() : [])
        {
            abandoned |= Write(db =>
            {
                if (!activity.IsAbandoned(id))
                {
                    return false;
                }

                DeleteUpload(db, id);
                return true;
            });
        }

        // Abandoned records leave the files at the first sweep of each UTC day that removed any (at most one
        // compaction a day for them, so a flood of abandoned uploads cannot make the store rewrite itself every minute),
        // or with the next expiry or confirmation.
        string today = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (expired.Count > 0 || (abandoned && abandonedCompactedDay != today))
        {
            abandonedCompactedDay = abandoned ? today : abandonedCompactedDay;
            database.Compact();
        }

        return expired.Count;
    }

    private string? abandonedCompactedDay;
}
