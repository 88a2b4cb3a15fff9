using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
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

    private readonly LiteDatabase _db;
    private readonly EncryptedPageStream _data;
    private readonly EncryptedPageStream _log;
    private readonly EncryptedPageStream _temp;
    private readonly StoreLock? _lock;
    private readonly Lock _writeLock = new();

    // Taken after _writeLock (Dispose) or alone (callers waiting for their commit), never the other way round.
    private readonly Lock _flushLock = new();
    private bool _disposed;
    private volatile Exception? _failure;

    // Points in the log's write history: _written counts commits whose log pages are written (under _writeLock),
    // _durable is the highest such point known to be on disk (under _flushLock).
    private long _written;
    private long _durable;

    private DurableStore(
        EncryptedPageStream data, EncryptedPageStream log, EncryptedPageStream temp, StoreLock? storeLock,
        BsonMapper? mapper, int checkpointPages)
    {
        _data = data;
        _log = log;
        _temp = temp;
        _lock = storeLock;
        data.BeforePageWrite = () => SyncIfDirty(log);
        log.BeforeShrink = () => SyncIfDirty(data);
        var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log, TempStream = temp });
        _db = new LiteDatabase(engine, mapper, disposeOnClose: true);
        try
        {
            _db.CheckpointSize = checkpointPages;

            // Opening may have replayed the log into the data file (or initialised a new one): make that durable too.
            SyncIfDirty(_log);
            SyncIfDirty(_data);
        }
        catch
        {
            _db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens (or creates) the store in directory with a 32-byte key. Throws <see cref="StoreKeyException"/> for a
    /// wrong key, <see cref="StoreCorruptException"/> for damaged or tampered files, <see cref="StoreLockedException"/>
    /// when another process has the store open.
    /// </summary>
    public static DurableStore Open(string directory, ReadOnlySpan<byte> key, BsonMapper? mapper = null) =>
        Open(directory, key, mapper, checkpointPages: 1000);

    internal static DurableStore Open(string directory, ReadOnlySpan<byte> key, BsonMapper? mapper, int checkpointPages)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        CheckKey(key);
        CheckLiteDbVersion();
        Directory.CreateDirectory(directory);
        var storeLock = StoreLock.Acquire(directory);
        return OpenLocked(directory, key, mapper, checkpointPages, storeLock);
    }

    // Opens with the lock already held; on failure the lock is released too.
    private static DurableStore OpenLocked(
        string directory, ReadOnlySpan<byte> key, BsonMapper? mapper, int checkpointPages, StoreLock? storeLock)
    {
        var streams = new List<IDisposable>();
        if (storeLock is not null)
        {
            streams.Add(storeLock);
        }

        try
        {
            RecoverCompaction(directory);
            var dataPath = Path.Combine(directory, DataFileName);
            var logPath = Path.Combine(directory, LogFileName);
            if (!File.Exists(dataPath))
            {
                CreateFiles(directory, key);
            }
            else if (!File.Exists(logPath))
            {
                throw new StoreCorruptException("The store's log file is missing.");
            }

            var data = EncryptedPageStream.Open(OpenFile(dataPath), key, StoreFileKind.Data);
            streams.Add(data);
            var log = EncryptedPageStream.Open(OpenFile(logPath), key, StoreFileKind.Log, data.StoreId);
            streams.Add(log);
            var temp = CreateTempStream(Path.Combine(directory, TempFileName));
            streams.Add(temp);
            return Unwrapped(() => new DurableStore(data, log, temp, storeLock, mapper, checkpointPages));
        }
        catch
        {
            streams.Reverse();
            streams.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>For tests: a store over caller-provided raw streams (empty data stream = new store), no lock file.</summary>
    internal static DurableStore Open(Stream rawData, Stream rawLog, ReadOnlySpan<byte> key, int checkpointPages)
    {
        CheckKey(key);
        EncryptedPageStream data;
        EncryptedPageStream log;
        if (rawData.Length == 0)
        {
            data = EncryptedPageStream.Create(rawData, key, StoreFileKind.Data);
            log = EncryptedPageStream.Create(rawLog, key, StoreFileKind.Log, data.StoreId);
        }
        else
        {
            data = EncryptedPageStream.Open(rawData, key, StoreFileKind.Data);
            log = EncryptedPageStream.Open(rawLog, key, StoreFileKind.Log, data.StoreId);
        }

        var temp = EncryptedPageStream.Create(new MemoryStream(), RandomNumberGenerator.GetBytes(32), StoreFileKind.Temp);
        return Unwrapped(() => new DurableStore(data, log, temp, null, null, checkpointPages));
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
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ThrowIfFailed();
            if (!_db.BeginTrans())
            {
                throw new InvalidOperationException("A store write cannot be nested inside another transaction.");
            }

            try
            {
                result = transaction(_db);
            }
            catch
            {
                _db.Rollback();
                throw;
            }

            try
            {
                // LiteDB writes the whole transaction to the log before Commit returns; the flush comes below.
                _db.Commit();
            }
            catch (Exception e)
            {
                // An I/O failure mid-commit leaves LiteDB's in-memory state unknown: fail closed until reopened.
                _failure = e;
                throw;
            }

            point = ++_written;
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
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            result = query(_db);

            // Unsynced log bytes now are this query's own auto-commit or other writers' commits still waiting for
            // their flush: either way the result may show them, so it is returned only once they are on disk.
            point = _log.HasUnsyncedChanges ? ++_written : 0;
        }

        WaitUntilDurable(point);
        return result;
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            lock (_flushLock)
            {
                try
                {
                    // LiteDB checkpoints on dispose (data synced by the hook, then the log emptied).
                    _db.Dispose();
                    SyncIfDirty(_log);
                    SyncIfDirty(_data);
                    if (_failure is null)
                    {
                        _durable = _written;
                    }
                }
                finally
                {
                    _temp.Dispose();
                    _log.Dispose();
                    _data.Dispose();
                    _lock?.Dispose();
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

        lock (_flushLock)
        {
            if (_durable >= point)
            {
                return;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);

            // After a failed fsync the kernel may have dropped the unsynced pages and marked them clean, so a later
            // fsync that succeeds proves nothing about them: nothing past _durable is acknowledged until reopened.
            ThrowIfFailed();
            long target = Volatile.Read(ref _written);
            try
            {
                _log.Flush();
            }
            catch (Exception e)
            {
                _failure = e;
                throw;
            }

            _durable = target;
        }
    }

    // An IOException carrying the first failure, so callers that reopen on I/O errors (and recognise a full disk
    // by its errno) treat the writers queued behind a failed flush like the one whose fsync failed.
    private void ThrowIfFailed()
    {
        if (_failure is { } failure)
        {
            throw new IOException("An earlier commit or flush of the store failed; reopen it.", failure);
        }
    }

    private static void SyncIfDirty(EncryptedPageStream stream)
    {
        if (stream.HasUnsyncedChanges)
        {
            stream.Flush();
        }
    }

    private static void CheckKey(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException("A store key is 32 bytes.", nameof(key));
        }
    }

    private static void CheckLiteDbVersion()
    {
        var version = typeof(LiteDatabase).Assembly.GetName().Version;
        if (version is null || version.Major != PinnedLiteDbVersion.Major || version.Minor != PinnedLiteDbVersion.Minor
            || version.Build != PinnedLiteDbVersion.Build)
        {
            throw new InvalidOperationException(
                $"The store's durability was verified against LiteDB {PinnedLiteDbVersion} only; found {version}.");
        }
    }

    // New store: both files are written and synced under temporary names, then renamed (log first, so a store with
    // a data file always has its log) and the directory synced. A leftover log without a data file is from an
    // interrupted creation that never acknowledged anything, and is replaced.
    private static void CreateFiles(string directory, ReadOnlySpan<byte> key)
    {
        var dataPath = Path.Combine(directory, DataFileName);
        var logPath = Path.Combine(directory, LogFileName);
        var storeId = RandomNumberGenerator.GetBytes(16);
        using (EncryptedPageStream.Create(NewFile(dataPath + ".new"), key, StoreFileKind.Data, storeId))
        using (EncryptedPageStream.Create(NewFile(logPath + ".new"), key, StoreFileKind.Log, storeId))
        {
        }

        File.Move(logPath + ".new", logPath, overwrite: true);
        File.Move(dataPath + ".new", dataPath, overwrite: false);
        DirectorySync.Flush(directory);
    }

    private static FileStream NewFile(string path) =>
        new(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);

    // FileShare.Read: the lock file enforces one writer; readers (backups, tests) may look at the ciphertext.
    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.RandomAccess);

    // Sort spill space: a throwaway random key, deleted on close; a leftover from a crash is unreadable and replaced.
    private static EncryptedPageStream CreateTempStream(string path)
    {
        var file = new FileStream(
            path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.DeleteOnClose);
        return EncryptedPageStream.Create(file, RandomNumberGenerator.GetBytes(32), StoreFileKind.Temp);
    }

    // LiteDB may wrap what a stream throws; callers should see our own exceptions.
    private static DurableStore Unwrapped(Func<DurableStore> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (FindStoreException(e) is { } inner && inner != e)
        {
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    private static Exception? FindStoreException(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is StoreCorruptException or StoreKeyException)
            {
                return e;
            }
        }

        return null;
    }
}
