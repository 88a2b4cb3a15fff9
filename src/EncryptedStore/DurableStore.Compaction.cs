using System.Security.Cryptography;
using LiteDB;

namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// Compaction: LiteDB's Rebuild cannot run on caller-provided streams, and deleted data can survive in freed pages
/// and in a page's stale slot, so a store is compacted by copying it into a new store and swapping the files.
/// </summary>
public sealed partial class DurableStore
{
    /// <summary>The new store is built here, inside the locked directory, so the lock covers it.</summary>
    public const string CompactionDirectoryName = "compacting";

    /// <summary>Written (and synced) once the new store is complete: from then on the swap is finished, never undone.</summary>
    public const string CompactionDoneFileName = "complete";

    // For tests: called with the name of each step of a compaction before it runs; throwing simulates a crash there.
    internal static Action<string>? CompactionStep { get; set; }

    /// <summary>
    /// Rewrites the closed store in directory into fresh files holding only its live documents and indexes, under a
    /// fresh random data key, then swaps them in, deletes the old files and erases the old data key (crypto-erase: the
    /// old files' bytes left in freed disk blocks no longer decrypt with anything on disk). A crash at any point
    /// leaves the old or the new store, both complete: before the completion marker is on disk the next open discards
    /// the half-built copy and its key, after it the next open finishes the swap and erases the old key. Throws
    /// <see cref="StoreLockedException"/> while the store is open.
    /// </summary>
    public static void Compact(string directory, ReadOnlySpan<byte> key)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        CheckKey(key);
        using var storeLock = StoreLock.Acquire(directory);
        string work = Path.Combine(directory, CompactionDirectoryName);
        var storeId = RandomNumberGenerator.GetBytes(16);
        var dataKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            using (var source = OpenLocked(directory, key, null, 1000, null))
            {
                // The new generation's key is durable before anything is encrypted under it.
                Step("key");
                DataKeyFile.AddGeneration(directory, key, source.data.StoreId, storeId, dataKey);
                Step("copy");
                Directory.CreateDirectory(work);
                CreateFiles(work, storeId, dataKey);
                using (var target = OpenFiles(work, dataKey, null, 1000, null))
                {
                    source.Read(db =>
                    {
                        Copy(db, target);
                        return 0;
                    });
                }

                DirectorySync.Flush(work);
            }

            Finish(directory, work);
            Step("erase");
            DataKeyFile.EraseAllBut(directory, key, storeId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    // The completion marker, then the swap.
    private static void Finish(string directory, string work)
    {
        Step("mark");
        using (var marker = new FileStream(
            Path.Combine(work, CompactionDoneFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            marker.Flush(flushToDisk: true);
        }

        DirectorySync.Flush(work);
        DirectorySync.Flush(directory);
        RecoverCompaction(directory);
    }

    // Runs under the store lock before every open: finishes a completed compaction, or discards an unfinished one.
    private static void RecoverCompaction(string directory)
    {
        string work = Path.Combine(directory, CompactionDirectoryName);
        if (!Directory.Exists(work))
        {
            return;
        }

        if (File.Exists(Path.Combine(work, CompactionDoneFileName)))
        {
            // Log first, as at creation; a log already moved is skipped, so this can be resumed at any point.
            foreach (string name in new[] { LogFileName, DataFileName })
            {
                string from = Path.Combine(work, name);
                if (File.Exists(from))
                {
                    // A migrated store's old files are under the caller's key, which stays: a rename only frees
                    // their blocks. Zeroed in place first; the new copy is complete and marked, so this can repeat.
                    Step("erase " + name);
                    ZeroInPlace(Path.Combine(directory, name));
                    Step("move " + name);
                    File.Move(from, Path.Combine(directory, name), overwrite: true);
                }
            }

            Step("sync");
            DirectorySync.Flush(directory);
        }

        Step("discard");
        Directory.Delete(work, recursive: true);
        DirectorySync.Flush(directory);
    }

    private static void ZeroInPlace(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        var zeros = new byte[1 << 16];
        for (long left = file.Length; left > 0; left -= zeros.Length)
        {
            file.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
        }

        file.Flush(flushToDisk: true);
    }

    private static void Copy(ILiteDatabase source, DurableStore target)
    {
        const int Batch = 64;
        var indexes = source.GetCollection("$indexes").FindAll()
            .Where(i => i["name"].AsString != "_id")
            .Select(i => (Collection: i["collection"].AsString, Name: i["name"].AsString,
                Expression: i["expression"].AsString, Unique: i["unique"].AsBoolean))
            .ToList();
        foreach (string name in source.GetCollectionNames().ToList())
        {
            var batch = new List<BsonDocument>(Batch);
            foreach (var document in source.GetCollection(name).FindAll())
            {
                batch.Add(document);
                if (batch.Count == Batch)
                {
                    target.Write(db => db.GetCollection(name).Insert(batch));
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                Step("copy batch");
                target.Write(db => db.GetCollection(name).Insert(batch));
            }
        }

        foreach (var (collection, name, expression, unique) in indexes)
        {
            target.Write(db => db.GetCollection(collection).EnsureIndex(name, expression, unique));
        }
    }

    private static void Step(string name) => CompactionStep?.Invoke(name);
}
