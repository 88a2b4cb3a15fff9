using System.Globalization;
using System.Security.Cryptography;
using LiteDB;
using Microsoft.AspNetCore.DataProtection;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The portal's only store (docs/PORTAL.md#store): a <see cref="DurableStore"/> in &lt;data&gt;/store whose key is in
/// store.key. Every public method that changes something returns only once the change is fsynced; a failed write
/// leaves nothing of itself behind. Per item it keeps id, mailbox id (SHA-256 of the token), kind, UTC day, size,
/// export/read days and the ciphertext chunks: never a time of day, an address, a user agent or a token.
/// </summary>
public sealed partial class PortalDatabase : IDisposable
{
    // The engine under the two doors: SourceStore (the source side) and TransferStore (the transfer side) hold the
    // operations; this class opens, guards, reopens and compacts the DurableStore and writes items against the quotas.
    public const string DirectoryName = "store";

    internal const string Mailboxes = "mailboxes";
    internal const string Items = "items";
    internal const string Uploads = "uploads";
    internal const string Exports = "exports";

    private readonly byte[] key;
    private readonly string directory;
    private readonly Lock reopenGate = new();

    // Used only inside write transactions, which DurableStore runs one at a time (see ChunkedBlob.Write).
    private readonly byte[] pieceScratch = new byte[ChunkedBlob.PieceSize];
    private DurableStore? store;
    private long itemBytes;
    private long writes;
    private bool disposed;

    public PortalDatabase(string dataDirectory, IDataProtectionProvider dataProtection, StoreOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        directory = Path.Combine(dataDirectory, DirectoryName);
        WhistleSubmit.Portal.Configuration.DataDirectory.Ensure(dataDirectory);
        key = StoreKeyFile.LoadOrCreate(dataDirectory, dataProtection);
        try
        {
            store = DurableStore.Open(directory, key);
            store.Write(db =>
            {
                db.GetCollection(Items).EnsureIndex("mailbox");
                db.GetCollection(Uploads).EnsureIndex("mailbox");
            });
            itemBytes = store.Read(db => db.GetCollection(Items).FindAll().Sum(d => d["size"].AsInt64));
        }
        catch
        {
            store?.Dispose();
            CryptographicOperations.ZeroMemory(key);
            throw;
        }
    }

    public StoreOptions Options { get; }

    internal TimeProvider Time { get; }

    internal string Today => Time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reviewer lockouts to the second, by account, for this process only: the store keeps just the UTC day a lockout
    /// ends (issue 14), since its exact end would date the failed login that caused it.
    /// </summary>
    internal System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> ExactLockouts { get; } = new(StringComparer.Ordinal);

    private DateTime UtcDay => Time.GetUtcNow().UtcDateTime.Date;

    /// <summary>Write transactions committed since open: each one is an fsync, which tests keep to what is needed.</summary>
    internal long Writes => Interlocked.Read(ref writes);

    internal long FreeDiskBytes => new DriveInfo(directory).AvailableFreeSpace;

    /// <summary>Bytes of stored items, for the global quota.</summary>
    internal long ItemBytes => Interlocked.Read(ref itemBytes);

    /// <summary>Counts deleted items out of the global quota (after their transaction removed them).</summary>
    internal void ItemsDeleted(long bytes) => Interlocked.Add(ref itemBytes, -bytes);

    /// <summary>One chunk into the blob store, inside a write transaction (which runs one at a time: the scratch is shared).</summary>
    internal void WriteChunk(ILiteDatabase db, string chunkId, ReadOnlySpan<byte> data) =>
        ChunkedBlob.Write(db, chunkId, data, pieceScratch, UtcDay);

    public bool MailboxExists(string mailboxId)
    {
        CheckMailboxId(mailboxId);
        return Read(db => db.GetCollection(Mailboxes).Exists(BsonExpression.Create("_id = @0", mailboxId)));
    }

    /// <summary>Records that the mailbox exists, with a day only: its creation day, then that of its newest item.</summary>
    public void EnsureMailbox(string mailboxId)
    {
        CheckMailboxId(mailboxId);
        Write(db => EnsureMailbox(db, mailboxId));
    }

    /// <summary>
    /// Streams ciphertext into a new item and returns its id once it is on disk. Each 4 MiB is its own transaction (so
    /// a slow source never holds the store), the item appears in the last one, and any failure removes the chunks.
    /// </summary>
    /// <exception cref="PortalStoreLimitException">More than maxBytes.</exception>
    /// <exception cref="PortalStoreFullException">Disk or global quota full.</exception>
    public string StoreItem(ItemKind kind, string mailboxId, Stream ciphertext, long maxBytes) =>
        StoreItem(kind, mailboxId, ciphertext, maxBytes, BundleItem.NewId());

    public void Dispose()
    {
        lock (reopenGate)
        {
            disposed = true;
            try
            {
                store?.Dispose();
            }
            catch (Exception e) when (DiskFull.IsDiskFull(e))
            {
                // The closing checkpoint found the disk full; the log still holds every commit and the next open replays it.
            }
            finally
            {
                store = null;
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }

    internal static void CheckMailboxId(string mailboxId)
    {
        if (!BundleItem.IsValidSha256Hex(mailboxId))
        {
            throw new ArgumentException("A mailbox id is 64 lower-case hex digits.", nameof(mailboxId));
        }
    }

    private void EnsureMailbox(ILiteDatabase db, string mailboxId)
    {
        var mailboxes = db.GetCollection(Mailboxes);
        if (mailboxes.FindById(mailboxId) is null)
        {
            mailboxes.Insert(new BsonDocument { ["_id"] = mailboxId, ["day"] = Today });
        }
    }

    internal T Read<T>(Func<ILiteDatabase, T> query) => Guarded(s => s.Read(query));

    internal T Write<T>(Func<ILiteDatabase, T> transaction) => Guarded(s =>
    {
        T result = s.Write(transaction);
        Interlocked.Increment(ref writes);
        return result;
    });

    internal void Write(Action<ILiteDatabase> transaction) => Write(db =>
    {
        transaction(db);
        return 0;
    });

    // An I/O failure mid-commit leaves DurableStore closed for writing: reopen it (the log replay keeps exactly the
    // committed transactions) and report disk-full as PortalStoreFullException, which HTTP turns into 503.
    private T Guarded<T>(Func<DurableStore, T> action)
    {
        EnterUse();
        try
        {
            DurableStore current = Current();
            try
            {
                return action(current);
            }
            catch (Exception e) when (DiskFull.IsIoFailure(e))
            {
                Reopen(current);
                if (DiskFull.IsDiskFull(e))
                {
                    throw new PortalStoreFullException("No space left for the store.", e);
                }

                throw;
            }
        }
        finally
        {
            ExitUse();
        }
    }

    private DurableStore Current()
    {
        lock (reopenGate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (store is null)
            {
                try
                {
                    store = DurableStore.Open(directory, key);
                }
                catch (Exception e) when (DiskFull.IsDiskFull(e))
                {
                    throw new PortalStoreFullException("No space left to reopen the store.", e);
                }
            }

            return store;
        }
    }

    private void Reopen(DurableStore failed)
    {
        lock (reopenGate)
        {
            if (!ReferenceEquals(store, failed))
            {
                return;
            }

            store = null;
            try
            {
                failed.Dispose();
            }
            catch (Exception e) when (DiskFull.IsIoFailure(e))
            {
                // Closing may try to checkpoint onto the full disk; the log still holds every committed transaction.
            }
        }
    }
}
