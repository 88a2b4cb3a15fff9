using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Crypto;

namespace WhistleSubmit.EncryptedStore.Paging;

/// <summary>
/// A seekable stream stored as authenticated-encrypted 8,192-byte pages (layout in <see cref="PageLayout"/>), made for
/// LiteDB's data and log files. Any offset and length work; LiteDB only does aligned whole-page I/O.
/// <para>
/// Commits: <see cref="Flush"/> syncs the pages written since the last commit, then writes one of two alternating
/// commit records (sequence, length, commit epoch, and a keyed digest of the page table: every page's slot, counter and
/// epoch) and syncs again. Every page write carries the epoch of the commit that will cover it; a record with commit
/// epoch C covers exactly the page versions with epochs up to C. On open the page table is rebuilt from the slots'
/// plaintext counters and epochs (the committed version of a page is its highest-counter slot with an epoch up to C)
/// and must match the record's digest; each page read must then authenticate in exactly the slot the table names.
/// An older version of a page, a page from another position, file or store, an older commit record, a zeroed or cut
/// page: each is refused with <see cref="StoreCorruptException"/>, never read around.
/// </para>
/// <para>
/// Torn writes: each page has two slots. A write never touches the slot holding the page's committed version: the
/// first write after a commit goes to the other slot, later writes before the next commit reuse that same slot. A
/// crash therefore leaves the committed version intact, and what was written after it has an epoch above the commit
/// epoch: on open such slots are cleared (torn or not) and pages past the recorded length cut off (nothing was
/// acknowledged from them). A page's counter and epoch share one 16-byte-aligned field, inside one disk sector.
/// </para>
/// </summary>
public sealed partial class EncryptedPageStream : Stream
{
    /// <summary>Logical page size: LiteDB's page size.</summary>
    public const int PageSize = PageLayout.PageSize;

    private readonly Stream inner;
    private readonly XAes256Gcm aead;
    private readonly byte[] storeId;
    private readonly byte[] digestKey;
    private readonly Lock sync = new();

    // Serialises flushes, shrinks and disposal (taken before sync): a flush syncs pages with only this one held.
    private readonly Lock flushGate = new();
    private long length;
    private long position;
    private bool disposed;
    private volatile Exception? syncFailure;

    private EncryptedPageStream(Stream inner, ReadOnlySpan<byte> key, StoreFileKind kind, byte[] storeId)
    {
        this.inner = inner;
        aead = new XAes256Gcm(key);
        Kind = kind;
        this.storeId = storeId;
        digestKey = PageLayout.DigestKey(key, kind, storeId);
    }

    /// <summary>Which file of the store this is; bound into every page.</summary>
    public StoreFileKind Kind { get; }

    /// <summary>True while writes or a length change have not been synced by <see cref="Flush"/>.</summary>
    public bool HasUnsyncedChanges
    {
        get
        {
            lock (sync)
            {
                return unsyncedPages || length != syncedLength;
            }
        }
    }

    public override bool CanRead => !disposed;

    public override bool CanSeek => !disposed;

    public override bool CanWrite => !disposed;

    public override long Length
    {
        get
        {
            lock (sync)
            {
                ThrowIfDisposed();
                return length;
            }
        }
    }

    public override long Position
    {
        get
        {
            lock (sync)
            {
                ThrowIfDisposed();
                return position;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (sync)
            {
                ThrowIfDisposed();
                position = value;
            }
        }
    }

    /// <summary>The 16-byte id shared by a store's data and log files.</summary>
    internal ReadOnlySpan<byte> StoreId => storeId;

    /// <summary>Runs before any page write reaches the inner stream (outside this stream's lock).</summary>
    internal Action? BeforePageWrite { get; set; }

    /// <summary>Runs before the stream shrinks (outside this stream's lock).</summary>
    internal Action? BeforeShrink { get; set; }

    public override long Seek(long offset, SeekOrigin origin)
    {
        lock (sync)
        {
            ThrowIfDisposed();
            var target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => position + offset,
                SeekOrigin.End => length + offset,
                _ => throw new ArgumentOutOfRangeException(nameof(origin)),
            };
            ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
            position = target;
            return target;
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        lock (sync)
        {
            ThrowIfDisposed();
            if (position >= length || buffer.IsEmpty)
            {
                return 0;
            }

            var total = (int)Math.Min(buffer.Length, length - position);
            var done = 0;
            while (done < total)
            {
                var page = position / PageSize;
                var inPage = (int)(position % PageSize);
                var n = Math.Min(PageSize - inPage, total - done);
                if (inPage == 0 && n == PageSize)
                {
                    ReadPage(page, buffer.Slice(done, PageSize));
                }
                else
                {
                    ReadPage(page, pageBuffer);
                    pageBuffer.AsSpan(inPage, n).CopyTo(buffer[done..]);
                }

                done += n;
                position += n;
            }

            return total;
        }
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        BeforePageWrite?.Invoke();
        lock (sync)
        {
            ThrowIfDisposed();
            var oldPages = PageLayout.PageCount(length);
            var firstPage = position / PageSize;

            // A write past the end fills the gap with real (encrypted) zero pages, so a zeroed page inside the file
            // can always be recognised as tampering rather than taken for a hole.
            for (var gap = oldPages; gap < firstPage; gap++)
            {
                WritePage(gap, ZeroPage);
            }

            var end = position + buffer.Length;
            while (!buffer.IsEmpty)
            {
                var page = position / PageSize;
                var inPage = (int)(position % PageSize);
                var n = Math.Min(PageSize - inPage, buffer.Length);
                if (inPage == 0 && n == PageSize)
                {
                    WritePage(page, buffer[..PageSize]);
                }
                else
                {
                    if (page < oldPages)
                    {
                        ReadPage(page, pageBuffer);
                    }
                    else
                    {
                        Array.Clear(pageBuffer);
                    }

                    buffer[..n].CopyTo(pageBuffer.AsSpan(inPage));
                    WritePage(page, pageBuffer);
                }

                buffer = buffer[n..];
                position += n;
            }

            length = Math.Max(length, end);
        }
    }

    /// <summary>
    /// Makes everything written before the call durable as one commit: syncs the pages, then writes and syncs the
    /// commit record. The page sync runs without holding the stream's lock, so other threads keep writing meanwhile
    /// (what they write is left for the next commit); the record's sync holds it.
    /// </summary>
    public override void Flush()
    {
        lock (flushGate)
        {
            CommitSnapshot snapshot;
            int flushing;
            lock (sync)
            {
                ThrowIfDisposed();
                if (Kind == StoreFileKind.Temp || !unsyncedPages)
                {
                    SyncLocked();
                    return;
                }

                flushing = dirty.Count;
                flushingCounters.Clear();
                flushingCounters.AddRange(dirty.Select(page => table[(int)page].Counter));
                snapshot = new CommitSnapshot(length, writeEpoch++, digest.ToArray());
            }

            SyncInner();
            lock (sync)
            {
                ThrowIfDisposed();
                CommitSnapshotLocked(snapshot, flushing);
            }
        }
    }

    /// <summary>
    /// Sets the logical length. Growing appends encrypted zero pages; shrinking is made durable (record first, then
    /// the physical truncation, each synced) so that stale slots past the end can never come back after a crash.
    /// </summary>
    public override void SetLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        bool shrinking;
        lock (sync)
        {
            ThrowIfDisposed();
            shrinking = value < length;
        }

        if (shrinking)
        {
            BeforeShrink?.Invoke();
        }
        else
        {
            BeforePageWrite?.Invoke();
        }

        // A shrink must not interleave with a flush's unlocked page sync: that flush would then record its older,
        // longer length over pages that no longer exist.
        lock (flushGate)
        lock (sync)
        {
            ThrowIfDisposed();
            if (value >= length)
            {
                for (var page = PageLayout.PageCount(length); page < PageLayout.PageCount(value); page++)
                {
                    WritePage(page, ZeroPage);
                }

                length = value;
                return;
            }

            ShrinkLocked(value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (flushGate)
            lock (sync)
            {
                if (!disposed)
                {
                    disposed = true;
                    Array.Clear(pageBuffer);
                    inner.Dispose();
                    ReleaseSecrets();
                }
            }
        }

        base.Dispose(disposing);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    private void ReleaseSecrets()
    {
        aead.Dispose();
        CryptographicOperations.ZeroMemory(digestKey);
    }
}
