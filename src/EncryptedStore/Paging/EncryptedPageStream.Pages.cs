using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WhistleSubmit.EncryptedStore.Paging;

// Page slots: reading, writing, syncing and shrinking. Callers hold sync.
public sealed partial class EncryptedPageStream
{
    private static readonly byte[] ZeroPage = new byte[PageSize];

    // Page states kept for clean pages, at most (about 1 MiB of dictionary): without a bound the table grew with
    // every page ever read or written, i.e. with the store (a 2 GiB upload alone added 260,000 entries). A clean
    // page's state is exactly what reading it again finds (its newest authentic slot), so forgetting it is safe;
    // dirty pages are never forgotten.
    internal int TrackedPageLimit { get; set; } = 32 * 1024;

    /// <summary>For tests: how many page states are held.</summary>
    internal int TrackedPageCount => pages.Count;

    private readonly Dictionary<long, PageState> pages = [];
    private readonly List<long> dirty = [];
    private readonly List<ulong> flushingCounters = [];
    private readonly byte[] pairBuffer = new byte[PageLayout.PairSize];
    private readonly byte[] slotBuffer = new byte[PageLayout.SlotSize];
    private readonly byte[] pageBuffer = new byte[PageSize];
    private readonly byte[] probeBuffer = new byte[PageSize];
    private bool unsyncedPages;
    private long syncedLength;

    private void ReadPage(long page, Span<byte> destination)
    {
        ReadAt(PageLayout.SlotOffset(page, 0), pairBuffer);
        if (pages.TryGetValue(page, out var known))
        {
            // This session already knows which slot is current: anything else there means the file changed under us.
            if (TryOpenSlot(page, known.Slot, destination, out var counter) && counter == known.Counter)
            {
                return;
            }

            throw PageCorrupt(page);
        }

        var counter0 = SlotCounter(0);
        var counter1 = SlotCounter(1);
        int[] order = counter1 > counter0 ? [1, 0] : [0, 1];
        foreach (var slot in order)
        {
            // Newest authentic slot wins. An older slot is used only when the newer one fails, which is what a torn
            // write leaves behind.
            if (TryOpenSlot(page, slot, destination, out var counter))
            {
                ForgetCleanPagesIfFull();
                pages[page] = new PageState(counter, slot, Dirty: false);
                return;
            }
        }

        throw PageCorrupt(page);
    }

    private void WritePage(long page, ReadOnlySpan<byte> plaintext)
    {
        if (!pages.TryGetValue(page, out var state))
        {
            if (page < PageLayout.PageCount(length))
            {
                ReadPage(page, probeBuffer);
                state = pages[page];
            }
            else
            {
                state = new PageState(0, -1, Dirty: false);
            }
        }

        // Never overwrite the slot holding the newest synced version (see the class comment).
        var slot = state.Dirty ? state.Slot : (state.Slot == 0 ? 1 : 0);
        var counter = state.Counter + 1;

        var buffer = slotBuffer.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, counter);
        var nonce = buffer.Slice(PageLayout.NonceOffset, 24);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[PageLayout.AadSize];
        PageLayout.PageAad(aad, Kind, storeId, page, slot, counter);
        aead.Encrypt(
            nonce,
            plaintext,
            buffer.Slice(PageLayout.CipherOffset, PageSize),
            buffer.Slice(PageLayout.TagOffset, 16),
            aad);

        inner.Position = PageLayout.SlotOffset(page, slot);
        inner.Write(buffer);

        if (!state.Dirty)
        {
            dirty.Add(page);
        }

        pages[page] = new PageState(counter, slot, Dirty: true);
        unsyncedPages = true;
    }

    private void SyncLocked()
    {
        if (Kind == StoreFileKind.Temp)
        {
            inner.Flush();
            MarkPagesSynced();
            syncedLength = length;
            return;
        }

        if (unsyncedPages)
        {
            SyncInner();
            MarkPagesSynced();
        }

        if (length != syncedLength)
        {
            WriteRecord(length);
            SyncInner();
            syncedLength = length;
        }
    }

    // After Flush synced the pages that were dirty when it began (the first `flushing` of dirty, whose counters are
    // in flushingCounters): they are durable unless a writer rewrote one meanwhile. A rewrite goes to the same slot
    // (it was dirty), so the sync may have caught it torn: then everything is synced again under the lock, the way
    // a flush always did before, and only that makes the pages count as durable. Returns whether the commit record
    // still has to be synced (outside the lock, by the caller), and then marks it synced.
    private bool MarkFlushedLocked(long length, int flushing)
    {
        for (var i = 0; i < flushing; i++)
        {
            if (pages[dirty[i]].Counter != flushingCounters[i])
            {
                SyncLocked();
                return false;
            }
        }

        for (var i = 0; i < flushing; i++)
        {
            pages[dirty[i]] = pages[dirty[i]] with { Dirty = false };
        }

        // Pages first dirtied during the sync were appended to dirty after these, and stay dirty.
        dirty.RemoveRange(0, flushing);
        unsyncedPages = dirty.Count > 0;
        ForgetCleanPagesIfFull();
        if (length == syncedLength)
        {
            return false;
        }

        // Written under the lock (the inner stream's position is shared with writers); synced by the caller.
        WriteRecord(length);
        return true;
    }

    private void ShrinkLocked(long value)
    {
        var pages = PageLayout.PageCount(value);
        var tail = (int)(value % PageSize);
        if (tail != 0)
        {
            // Bytes past the length are kept zero, so growing again reads zeros.
            ReadPage(pages - 1, pageBuffer);
            Array.Clear(pageBuffer, tail, PageSize - tail);
            WritePage(pages - 1, pageBuffer);
        }

        length = value;
        SyncLocked();

        var physical = PageLayout.HeaderSize + (pages * PageLayout.PairSize);
        if (inner.Length > physical)
        {
            inner.SetLength(physical);
            if (Kind != StoreFileKind.Temp)
            {
                SyncInner();
            }
        }

        foreach (var page in this.pages.Keys.Where(p => p >= pages).ToList())
        {
            this.pages.Remove(page);
        }

        Array.Clear(pageBuffer);
    }

    private void MarkPagesSynced()
    {
        foreach (var page in dirty)
        {
            if (pages.TryGetValue(page, out var state))
            {
                pages[page] = state with { Dirty = false };
            }
        }

        dirty.Clear();
        unsyncedPages = false;
        ForgetCleanPagesIfFull();
    }

    private void ForgetCleanPagesIfFull()
    {
        if (pages.Count < TrackedPageLimit)
        {
            return;
        }

        foreach (var (page, state) in pages)
        {
            if (!state.Dirty)
            {
                pages.Remove(page);
            }
        }
    }

    private bool TryOpenSlot(long page, int slot, Span<byte> destination, out ulong counter)
    {
        var bytes = pairBuffer.AsSpan(slot * PageLayout.SlotSize, PageLayout.SlotSize);
        counter = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (!bytes.ContainsAnyExcept((byte)0))
        {
            return false;
        }

        Span<byte> aad = stackalloc byte[PageLayout.AadSize];
        PageLayout.PageAad(aad, Kind, storeId, page, slot, counter);
        return aead.TryDecrypt(
            bytes.Slice(PageLayout.NonceOffset, 24),
            bytes.Slice(PageLayout.CipherOffset, PageSize),
            bytes.Slice(PageLayout.TagOffset, 16),
            destination[..PageSize],
            aad);
    }

    private ulong SlotCounter(int slot) =>
        BinaryPrimitives.ReadUInt64LittleEndian(pairBuffer.AsSpan(slot * PageLayout.SlotSize));

    private StoreCorruptException PageCorrupt(long page) =>
        new($"Page {page} of the store's {Kind.ToString().ToLowerInvariant()} file failed authentication.");

    /// <summary>Reads exactly destination.Length bytes at offset; bytes past the inner end read as zero.</summary>
    private void ReadAt(long offset, Span<byte> destination)
    {
        inner.Position = offset;
        var read = inner.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        destination[read..].Clear();
    }

    // A failed fsync is sticky: the kernel may have dropped the dirty pages and marked them clean, so a later fsync
    // that succeeds proves nothing. Flush runs its sync outside the stream's lock, so without this a second caller
    // could sync "successfully" after the first one failed and acknowledge commits that are not on disk.
    private void SyncInner()
    {
        ThrowIfSyncFailed();
        try
        {
            if (inner is FileStream file)
            {
                file.Flush(flushToDisk: true);
            }
            else
            {
                inner.Flush();
            }
        }
        catch (Exception e)
        {
            syncFailure ??= e;
            throw;
        }
    }

    private void ThrowIfSyncFailed()
    {
        if (syncFailure is { } failure)
        {
            throw new IOException("An earlier sync of this store file failed; reopen the store.", failure);
        }
    }

    private readonly record struct PageState(ulong Counter, int Slot, bool Dirty);
}
