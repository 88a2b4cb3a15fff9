using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using LiteDB;
using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore;

// Opening and creating a store: the lock file, the files' creation under temporary names, the version pin, and
// unwrapping what LiteDB throws while it reads the store.
public sealed partial class DurableStore
{
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
        byte[] dataKey;
        try
        {
            dataKey = PrepareLocked(directory, key);
        }
        catch
        {
            storeLock?.Dispose();
            throw;
        }

        try
        {
            return OpenFiles(directory, dataKey, mapper, checkpointPages, storeLock);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    // Brings the directory to one complete current-format store (finishing or discarding a compaction, creating a
    // new store, migrating a format 1 one), erases every data key but the live one, and returns the live data key.
    private static byte[] PrepareLocked(string directory, ReadOnlySpan<byte> key)
    {
        RecoverCompaction(directory);
        var dataPath = Path.Combine(directory, DataFileName);
        if (!File.Exists(dataPath))
        {
            CreateStore(directory, key);
        }
        else if (!File.Exists(Path.Combine(directory, LogFileName)))
        {
            throw new StoreCorruptException("The store's log file is missing.");
        }

        var header = EncryptedPageStream.PeekHeader(dataPath)
            ?? throw new StoreCorruptException("The file is not a WhistleSubmit store file, or its header is truncated.");
        if (header.Version == LegacyPageReader.FormatVersion)
        {
            Migrate(directory, key);
            header = EncryptedPageStream.PeekHeader(dataPath)
                ?? throw new StoreCorruptException("The migrated store file's header is damaged.");
        }

        if (header.Version != PageLayout.FormatVersion)
        {
            throw new StoreCorruptException(
                $"The store file has format version {header.Version}; this program reads 1 and {PageLayout.FormatVersion}.");
        }

        // Load first: it refuses a wrong key, which must never get as far as erasing anything.
        var dataKey = DataKeyFile.Load(directory, key, header.StoreId);
        try
        {
            DataKeyFile.EraseAllBut(directory, key, header.StoreId);
            return dataKey;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw;
        }
    }

    // Opens the data and log files of a prepared store under its data key (the lock, if any, is handed over).
    private static DurableStore OpenFiles(
        string directory, byte[] dataKey, BsonMapper? mapper, int checkpointPages, StoreLock? storeLock)
    {
        var streams = new List<IDisposable>();
        if (storeLock is not null)
        {
            streams.Add(storeLock);
        }

        try
        {
            var data = EncryptedPageStream.Open(OpenFile(Path.Combine(directory, DataFileName)), dataKey, StoreFileKind.Data);
            streams.Add(data);
            var log = EncryptedPageStream.Open(
                OpenFile(Path.Combine(directory, LogFileName)), dataKey, StoreFileKind.Log, data.StoreId);
            streams.Add(log);

            // The data file is synced before the log is emptied, so an honest data file is never older than what
            // the log recorded of it; one that is was put back from an older copy (with the log's commits gone).
            if (log.RecordedPeerSequence > data.LoadedSequence)
            {
                throw new StoreCorruptException("The store's data file is older than its log: an older copy was put back.");
            }

            // Likewise each checkpoint records the log's sequence in the data file: a log put back from before it
            // would replay older page images over the newer data.
            if (data.RecordedPeerSequence > log.LoadedSequence)
            {
                throw new StoreCorruptException(
                    $"The store's log file ({LogFileName}) is older than its data file: an older copy was put back.");
            }

            log.PeerSequence = () => data.DurableSequence;
            data.PeerSequence = () => log.DurableSequence;
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

    // New store: a first generation's random data key in a new key file, then the store files under it.
    private static void CreateStore(string directory, ReadOnlySpan<byte> key)
    {
        var storeId = RandomNumberGenerator.GetBytes(16);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            DataKeyFile.Create(directory, key, storeId, dataKey);
            CreateFiles(directory, storeId, dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    // Both files are written and synced under temporary names, then renamed (log first, so a store with a data file
    // always has its log) and the directory synced. A leftover log without a data file is from an interrupted
    // creation that never acknowledged anything, and is replaced.
    private static void CreateFiles(string directory, byte[] storeId, byte[] dataKey)
    {
        var dataPath = Path.Combine(directory, DataFileName);
        var logPath = Path.Combine(directory, LogFileName);
        using (EncryptedPageStream.Create(NewFile(dataPath + ".new"), dataKey, StoreFileKind.Data, storeId))
        using (EncryptedPageStream.Create(NewFile(logPath + ".new"), dataKey, StoreFileKind.Log, storeId))
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
