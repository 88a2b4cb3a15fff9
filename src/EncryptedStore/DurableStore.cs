using LiteDB;
using LiteDB.Engine;
using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// A LiteDB database whose data file, log and sort space are <see cref="EncryptedPageStream"/>s, and whose
/// <see cref="Write{T}"/> returns only once the transaction is on disk (docs/ARCHITECTURE.md#invariants, 3: a 201 survives
/// kill -9 the next instant).
/// <para>
/// Durability, explicitly rather than by sniffing LiteDB's internal IS_CONFIRMED byte: each write runs in
/// BeginTrans/Commit, and LiteDB 5.0.21 writes the whole transaction to the log on the committing thread before Commit
/// returns; then the log is synced (pages, then its commit record). LiteDB never syncs the log itself, so two hooks
/// keep the order a checkpoint needs: the log is synced before any data-file page is written while it has unsynced
/// bytes (otherwise a checkpoint could put data on disk whose log never was), and the data file is synced before the
/// log is shortened (otherwise a truncated log could drop pages the data file never got).
/// </para>
/// <para>
/// Group commit: the fsyncs happen after the write lock is released, and one flush covers every transaction written
/// to the log before it started. Concurrent writers therefore share flushes instead of queueing one fsync pair each
/// behind the lock; each caller still returns only once a flush that began after its commit has finished.
/// </para>
/// One writer: an exclusive lock file in the directory for the store's lifetime.
/// </summary>
public sealed partial class DurableStore : IDisposable
{
    public const string DataFileName = "store.db";
    public const string LogFileName = "store.log";
    public const string TempFileName = "store.tmp";

    // The durability argument above rests on 5.0.21's synchronous log writes and page I/O (docs/DEVELOPMENT.md#litedb).
    private static readonly Version PinnedLiteDbVersion = new(5, 0, 21);

    private readonly LiteDatabase db;
    private readonly EncryptedPageStream data;
    private readonly EncryptedPageStream log;
    private readonly EncryptedPageStream temp;
    private readonly StoreLock? lockFile;
    private readonly Lock writeLock = new();

    // Taken after writeLock (Dispose) or alone (callers waiting for their commit), never the other way round.
    private readonly Lock flushLock = new();
    private bool disposed;
    private volatile Exception? failure;

    // Points in the log's write history: written counts commits whose log pages are written (under writeLock),
    // durable is the highest such point known to be on disk (under flushLock).
    private long written;
    private long durable;

    private DurableStore(
        EncryptedPageStream data, EncryptedPageStream log, EncryptedPageStream temp, StoreLock? storeLock,
        BsonMapper? mapper, int checkpointPages)
    {
        this.data = data;
        this.log = log;
        this.temp = temp;
        lockFile = storeLock;
        data.BeforePageWrite = () => SyncIfDirty(log);
        log.BeforeShrink = () => SyncIfDirty(data);
        var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log, TempStream = temp });
        db = new LiteDatabase(engine, mapper, disposeOnClose: true);
        try
        {
            db.CheckpointSize = checkpointPages;

            // Opening may have replayed the log into the data file (or initialised a new one): make that durable too.
            SyncIfDirty(this.log);
            SyncIfDirty(this.data);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs transaction inside one LiteDB transaction on the calling thread and returns once it is committed and on
    /// disk. If transaction throws, nothing of it is kept. Transactions are serialised; their fsyncs are shared.
    /// </summary>
    public T Write<T>(Func<ILiteDatabase, T> transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        T result;
        long point;
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            ThrowIfFailed();
            if (!db.BeginTrans())
            {
                throw new InvalidOperationException("A store write cannot be nested inside another transaction.");
            }

            try
            {
                result = transaction(db);
            }
            catch
            {
                db.Rollback();
                throw;
            }

            try
            {
                // LiteDB writes the whole transaction to the log before Commit returns; the flush comes below.
                db.Commit();
            }
            catch (Exception e)
            {
                // An I/O failure mid-commit leaves LiteDB's in-memory state unknown: fail closed until reopened.
                failure = e;
                throw;
            }

            point = ++written;
        }

        WaitUntilDurable(point);
        return result;
    }
    /// <inheritdoc cref="Write{T}"/>
    public void Write(Action<ILiteDatabase> transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Write(db =>
        {
            transaction(db);
            return 0;
        });
    }

    /// <summary>
    /// Runs a query. Anything it writes is auto-committed by LiteDB and synced before this returns, but use
    /// <see cref="Write{T}"/> for writes: only that makes several changes one transaction. Queries take the same
    /// lock as writes: LiteDB 5.0.21 can dispose a reader's snapshot when another thread's explicit transaction
    /// commits or rolls back at the same moment ("snapshot is disposed"), seen here under concurrent uploads.
    /// </summary>
    public T Read<T>(Func<ILiteDatabase, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        T result;
        long point;
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            result = query(db);

            // Unsynced log bytes now are this query's own auto-commit or other writers' commits still waiting for
            // their flush: either way the result may show them, so it is returned only once they are on disk.
            point = log.HasUnsyncedChanges ? ++written : 0;
        }

        WaitUntilDurable(point);
        return result;
    }

    public void Dispose()
    {
        lock (writeLock)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            lock (flushLock)
            {
                try
                {
                    // LiteDB checkpoints on dispose (data synced by the hook, then the log emptied).
                    db.Dispose();
                    SyncIfDirty(log);
                    SyncIfDirty(data);
                    if (failure is null)
                    {
                        durable = written;
                    }
                }
                finally
                {
                    temp.Dispose();
                    log.Dispose();
                    data.Dispose();
                    lockFile?.Dispose();
                }
            }
        }
    }

    // One flush at a time; whoever flushes makes every commit written before it durable, so the callers queued
    // behind it usually find their point already covered and return without an fsync of their own.
    private void WaitUntilDurable(long point)
    {
        if (point == 0)
        {
            return;
        }

        lock (flushLock)
        {
            if (durable >= point)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(disposed, this);

            // After a failed fsync the kernel may have dropped the unsynced pages and marked them clean, so a later
            // fsync that succeeds proves nothing about them: nothing past durable is acknowledged until reopened.
            ThrowIfFailed();
            long target = Volatile.Read(ref written);
            try
            {
                log.Flush();
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }

            durable = target;
        }
    }

    // An IOException carrying the first failure, so callers that reopen on I/O errors (and recognise a full disk
    // by its errno) treat the writers queued behind a failed flush like the one whose fsync failed.
    private void ThrowIfFailed()
    {
        if (failure is { } first)
        {
            throw new IOException("An earlier commit or flush of the store failed; reopen it.", first);
        }
    }

    private static void SyncIfDirty(EncryptedPageStream stream)
    {
        if (stream.HasUnsyncedChanges)
        {
            stream.Flush();
        }
    }
}
