using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WhistleSubmit.EncryptedStore.Paging;

// Page slots: reading, writing, syncing and shrinking, and the page table they keep. Callers hold sync.
public sealed partial class EncryptedPageStream
{
    private static readonly byte[] ZeroPage = new byte[PageSize];

    // The version of every page below the length: the committed one, or (Dirty) a newer one written since, in which
    // case the committed version is in the other slot. 24 bytes per 8 KiB page, held for the stream's lifetime.
    private readonly List<PageVersion> table = [];
    private readonly List<long> dirty = [];
    private readonly List<ulong> flushingCounters = [];
    private readonly byte[] slotBuffer = new byte[PageLayout.SlotSize];
    private readonly byte[] pageBuffer = new byte[PageSize];
    private readonly byte[] digestInput = new byte[PageLayout.DigestInputSize];
    private readonly byte[] digestTerm = new byte[PageLayout.DigestSize];

    // XOR of the keyed hash of every entry in table: the page-table digest a commit record binds.
    private readonly byte[] digest = new byte[PageLayout.DigestSize];
    private bool unsyncedPages;
    private long syncedLength;

    // Every page write carries writeEpoch; a commit record with commit epoch C covers exactly the versions with
    // epochs up to C, and writeEpoch is above C from the moment such a record is prepared.
    private ulong writeEpoch = 1;

    /// <summary>For tests: how many pages the page table holds.</summary>
    internal int TrackedPageCount => table.Count;

    private void ReadPage(long page, Span<byte> destination)
    {
        var version = table[checked((int)page)];
        if (!TryOpenSlot(page, version, destination))
        {
            // The slot the table names is never written while it holds the committed version, so a failure here is
            // damage or tampering, never a torn write: there is no falling back to the other slot.
            throw PageCorrupt(page);
        }
    }

    private void WritePage(long page, ReadOnlySpan<byte> plaintext)
    {
        var index = checked((int)page);
        var state = index < table.Count ? table[index] : new PageVersion(0, 0, -1, Dirty: false);

        // Never overwrite the slot holding the committed version (see the class comment).
        var slot = state.Dirty ? state.Slot : (state.Slot == 0 ? 1 : 0);
        var version = new PageVersion(checked(state.Counter + 1), writeEpoch, slot, Dirty: true);

        var buffer = slotBuffer.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, version.Counter);
        var nonce = buffer.Slice(PageLayout.NonceOffset, 24);
        BinaryPrimitives.WriteUInt64LittleEndian(nonce, version.Epoch);
        RandomNumberGenerator.Fill(nonce[8..]);
        Span<byte> aad = stackalloc byte[PageLayout.AadSize];
        PageLayout.PageAad(aad, Kind, storeId, page, slot, version.Counter, version.Epoch);
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

        if (index < table.Count)
        {
            ToggleDigest(page, state);
            table[index] = version;
        }
        else
        {
            table.Add(version);
        }

        ToggleDigest(page, version);
        unsyncedPages = true;
    }

    // Everything written so far becomes one commit, with this stream's lock held throughout.
    private void SyncLocked()
    {
        if (Kind == StoreFileKind.Temp)
        {
            inner.Flush();
            MarkAllCommitted();
            syncedLength = length;
            return;
        }

        if (!unsyncedPages && length == syncedLength)
        {
            return;
        }

        if (unsyncedPages)
        {
            SyncInner();
        }

        var commitEpoch = writeEpoch++;
        WriteRecord(length, commitEpoch, digest);
        SyncRecord();
        MarkAllCommitted();
        syncedLength = length;
    }

    // After Flush synced the pages that were dirty when it began (the first `flushing` of dirty, whose counters are
    // in flushingCounters) without the lock: if a writer rewrote one meanwhile (in the same slot, as it was dirty),
    // the version the snapshot names may be torn, so everything is committed again under the lock. Otherwise the
    // snapshot's record is written and synced here, under the lock: until it is on disk neither slot of a page in
    // the snapshot may be written (one holds the last committed version, the other the one being committed).
    private void CommitSnapshotLocked(CommitSnapshot snapshot, int flushing)
    {
        for (var i = 0; i < flushing; i++)
        {
            if (table[(int)dirty[i]].Counter != flushingCounters[i])
            {
                SyncLocked();
                return;
            }
        }

        WriteRecord(snapshot.Length, snapshot.Epoch, snapshot.Digest);
        SyncRecord();
        for (var i = 0; i < flushing; i++)
        {
            var page = (int)dirty[i];
            table[page] = table[page] with { Dirty = false };
        }

        // Pages first dirtied during the sync were appended to dirty after these, and stay dirty.
        dirty.RemoveRange(0, flushing);
        unsyncedPages = dirty.Count > 0;
        syncedLength = snapshot.Length;
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

        for (var page = table.Count - 1; page >= pages; page--)
        {
            ToggleDigest(page, table[page]);
        }

        table.RemoveRange((int)pages, table.Count - (int)pages);
        dirty.RemoveAll(page => page >= pages);
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

        Array.Clear(pageBuffer);
    }

    private void MarkAllCommitted()
    {
        foreach (var page in dirty)
        {
            table[(int)page] = table[(int)page] with { Dirty = false };
        }

        dirty.Clear();
        unsyncedPages = false;
    }

    // Adds a version to the digest, or removes it (XOR is its own inverse).
    private void ToggleDigest(long page, PageVersion version)
    {
        PageLayout.DigestInput(digestInput, page, version.Slot, version.Counter, version.Epoch);
        HMACSHA256.HashData(digestKey, digestInput, digestTerm);
        for (var i = 0; i < digest.Length; i++)
        {
            digest[i] ^= digestTerm[i];
        }
    }

    private bool TryOpenSlot(long page, PageVersion version, Span<byte> destination)
    {
        ReadAt(PageLayout.SlotOffset(page, version.Slot), slotBuffer);
        var bytes = slotBuffer.AsSpan();
        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes) != version.Counter
            || BinaryPrimitives.ReadUInt64LittleEndian(bytes[PageLayout.NonceOffset..]) != version.Epoch)
        {
            return false;
        }

        Span<byte> aad = stackalloc byte[PageLayout.AadSize];
        PageLayout.PageAad(aad, Kind, storeId, page, version.Slot, version.Counter, version.Epoch);
        return aead.TryDecrypt(
            bytes.Slice(PageLayout.NonceOffset, 24),
            bytes.Slice(PageLayout.CipherOffset, PageSize),
            bytes.Slice(PageLayout.TagOffset, 16),
            destination[..PageSize],
            aad);
    }

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

    private readonly record struct PageVersion(ulong Counter, ulong Epoch, int Slot, bool Dirty);

    private sealed record CommitSnapshot(long Length, ulong Epoch, byte[] Digest);
}
