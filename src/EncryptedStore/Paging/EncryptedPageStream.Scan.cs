using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WhistleSubmit.EncryptedStore.Paging;

// Opening binds the pages to the last commit: the page table is rebuilt from the slots' plaintext counters and epochs,
// checked against the commit record's digest, and what a crash left uncommitted is cleared.
public sealed partial class EncryptedPageStream
{
    private const int ScanPairs = 64;

    // Epochs far below this; a larger one read from a slot can only be an altered plaintext field.
    private const ulong MaxEpoch = 1UL << 62;

    private void ScanPages(ulong nextEpoch)
    {
        var pages = PageLayout.PageCount(length);
        var physical = inner.Length;
        var minimum = pages == 0 ? PageLayout.HeaderSize : PageLayout.SlotOffset(pages - 1, 0) + PageLayout.SlotSize;
        if (physical < minimum)
        {
            throw new StoreCorruptException("The store file is truncated.");
        }

        // Every page slot on disk, past the length too (a crash can leave pages there, cut off below).
        var pairsOnDisk = Math.Max(pages, (physical - PageLayout.HeaderSize + PageLayout.PairSize - 1) / PageLayout.PairSize);
        var leftovers = new List<(long Page, int Slot)>();
        var highestEpoch = 0UL;
        var highestUncommitted = 0UL;
        var buffer = new byte[ScanPairs * PageLayout.PairSize];
        for (long first = 0; first < pairsOnDisk; first += ScanPairs)
        {
            var count = (int)Math.Min(ScanPairs, pairsOnDisk - first);
            ReadAt(PageLayout.SlotOffset(first, 0), buffer.AsSpan(0, count * PageLayout.PairSize));
            for (var i = 0; i < count; i++)
            {
                var page = first + i;
                PageVersion? committed = null;
                for (var slot = 0; slot < 2; slot++)
                {
                    var at = (i * PageLayout.PairSize) + (slot * PageLayout.SlotSize);
                    var counter = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at));
                    var epoch = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(at + PageLayout.NonceOffset));
                    if (counter == 0)
                    {
                        continue;
                    }

                    highestEpoch = Math.Max(highestEpoch, epoch);
                    if (epoch > committedEpoch)
                    {
                        highestUncommitted = Math.Max(highestUncommitted, epoch);
                    }

                    if (page >= pages)
                    {
                        continue;
                    }

                    if (epoch > committedEpoch)
                    {
                        // Written after the last commit: a crash's leftover (possibly torn), never read.
                        leftovers.Add((page, slot));
                    }
                    else if (committed is not { } other || counter > other.Counter)
                    {
                        committed = new PageVersion(counter, epoch, slot, Dirty: false);
                    }
                }

                if (page < pages)
                {
                    var version = committed ?? throw new StoreCorruptException(
                        $"Page {page} of the store's {Kind.ToString().ToLowerInvariant()} file has no committed version.");
                    table.Add(version);
                    ToggleDigest(page, version);
                }
            }
        }

        Array.Clear(buffer);
        if (highestEpoch >= MaxEpoch || nextEpoch >= MaxEpoch)
        {
            throw new StoreCorruptException("The store file holds an epoch out of range.");
        }

        // A crash leaves uncommitted only what was written after the last durable record prepared its epochs: the
        // snapshot being committed and what was written while its pages synced, so epochs up to nextEpoch + 1.
        // Anything newer was covered by a later record, which was on disk: an older record has been put back.
        if (highestUncommitted > nextEpoch + 1)
        {
            throw new StoreCorruptException(
                $"The store's {Kind.ToString().ToLowerInvariant()} file holds pages newer than its commit record: an "
                + "older commit record was put back.");
        }

        if (!CryptographicOperations.FixedTimeEquals(digest, committedDigest))
        {
            throw new StoreCorruptException(
                $"The store's {Kind.ToString().ToLowerInvariant()} file does not match its last commit: a page was "
                + "replaced by another version of it, removed, or the commit record by an older one.");
        }

        ClearUncommitted(leftovers, pages, Math.Max(nextEpoch, highestEpoch + 1));
    }

    // New writes must carry epochs above every epoch on disk, even one about to be cleared (a copy of a cleared slot
    // must never match a later version): that floor is recorded and synced first, with the commit otherwise
    // unchanged, so a crash in between still finds the leftovers above the commit epoch.
    private void ClearUncommitted(List<(long Page, int Slot)> leftovers, long pages, ulong floor)
    {
        writeEpoch = floor;
        var maximum = PageLayout.HeaderSize + (pages * PageLayout.PairSize);
        if (leftovers.Count == 0 && inner.Length <= maximum)
        {
            return;
        }

        WriteRecord(length, committedEpoch, committedDigest);
        SyncRecord();
        var zeros = new byte[PageLayout.SlotSize];
        foreach (var (page, slot) in leftovers)
        {
            inner.Position = PageLayout.SlotOffset(page, slot);
            inner.Write(zeros);
        }

        if (inner.Length > maximum)
        {
            inner.SetLength(maximum);
        }

        SyncInner();
    }
}
