using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore.Tests.Paging;

public sealed class EncryptedPageStreamTests
{
    private const int Page = EncryptedPageStream.PageSize;

    [Test]
    public void Write_WholePagesThenReopen_ReadsSameBytes()
    {
        // Arrange
        var file = PageFile.Create();
        var data = PageFile.RandomBytes(5 * Page, 1);
        file.Stream.Write(data);
        file.Stream.Flush();

        // Act
        using var reopened = PageFile.Open(file.Snapshot());
        var read = new byte[data.Length];
        reopened.ReadExactly(read);

        // Assert
        Assert.That(reopened.Length, Is.EqualTo(data.Length));
        Assert.That(read, Is.EqualTo(data));
    }

    [Test]
    public void PageTable_ManyPagesRewrittenAcrossCommits_OneEntryPerPageAndContentStaysRight()
    {
        // Arrange: many pages rewritten across commits, each commit binding the page table.
        var random = new Random(7);
        var file = PageFile.Create();
        var model = new MemoryStream();

        // Act
        for (var i = 0; i < 400; i++)
        {
            var offset = random.Next(0, 100) * (long)Page;
            var bytes = PageFile.RandomBytes(Page, i);
            file.Stream.Position = offset;
            file.Stream.Write(bytes);
            model.Position = offset;
            model.Write(bytes);
            if (random.Next(4) == 0)
            {
                file.Stream.Flush();
            }
        }

        file.Stream.Flush();
        var inSession = new byte[file.Stream.Length];
        file.Stream.Position = 0;
        file.Stream.ReadExactly(inSession);
        using var reopened = PageFile.Open(file.Snapshot());
        var read = new byte[reopened.Length];
        reopened.ReadExactly(read);

        // Assert
        Assert.That(file.Stream.TrackedPageCount, Is.EqualTo(file.Stream.Length / Page));
        Assert.That(inSession, Is.EqualTo(model.ToArray()));
        Assert.That(read, Is.EqualTo(model.ToArray()));
    }

    [Test]
    public void Write_RandomOffsetsAndLengths_MatchesMemoryStreamModel()
    {
        // Arrange
        var random = new Random(42);
        var file = PageFile.Create();
        var model = new MemoryStream();

        // Act: random aligned and unaligned writes, some past the end, with syncs in between.
        for (var i = 0; i < 300; i++)
        {
            var aligned = random.Next(2) == 0;
            var offset = aligned ? random.Next(0, 40) * (long)Page : random.Next(0, 40 * Page);
            var length = aligned ? Page * random.Next(1, 3) : random.Next(1, 3 * Page);
            var bytes = PageFile.RandomBytes(length, i);
            file.Stream.Position = offset;
            file.Stream.Write(bytes);
            model.Position = offset;
            model.Write(bytes);
            if (random.Next(10) == 0)
            {
                file.Stream.Flush();
            }
        }

        file.Stream.Flush();
        using var reopened = PageFile.Open(file.Snapshot());
        var read = new byte[reopened.Length];
        reopened.ReadExactly(read);

        // Assert
        Assert.That(reopened.Length, Is.EqualTo(model.Length));
        Assert.That(read, Is.EqualTo(model.ToArray()));
    }

    [Test]
    public void Write_PastEnd_GapReadsAsZeroPages()
    {
        // Arrange
        var file = PageFile.Create();
        var tail = PageFile.RandomBytes(Page, 2);

        // Act
        file.Stream.Position = 3 * Page;
        file.Stream.Write(tail);
        file.Stream.Flush();
        using var reopened = PageFile.Open(file.Snapshot());
        var read = new byte[4 * Page];
        reopened.ReadExactly(read);

        // Assert
        Assert.That(read.AsSpan(0, 3 * Page).ToArray(), Is.All.EqualTo(0));
        Assert.That(read.AsSpan(3 * Page).ToArray(), Is.EqualTo(tail));
    }

    [Test]
    public void SetLength_ShrinkToMidPageThenGrow_TailReadsZero()
    {
        // Arrange
        var file = PageFile.Create();
        var data = PageFile.RandomBytes(3 * Page, 3);
        file.Stream.Write(data);

        // Act
        file.Stream.SetLength(Page + 100);
        file.Stream.SetLength(3 * Page);
        file.Stream.Flush();
        using var reopened = PageFile.Open(file.Snapshot());
        var read = new byte[3 * Page];
        reopened.ReadExactly(read);

        // Assert
        Assert.That(read.AsSpan(0, Page + 100).ToArray(), Is.EqualTo(data.AsSpan(0, Page + 100).ToArray()));
        Assert.That(read.AsSpan(Page + 100).ToArray(), Is.All.EqualTo(0));
    }

    [Test]
    public void SetLength_Zero_TruncatesFileAndPersists()
    {
        // Arrange
        var file = PageFile.Create(StoreFileKind.Log);
        file.Stream.Write(PageFile.RandomBytes(4 * Page, 4));
        file.Stream.Flush();

        // Act
        file.Stream.SetLength(0);
        var bytes = file.Snapshot();
        using var reopened = PageFile.Open(bytes, StoreFileKind.Log);

        // Assert
        Assert.That(reopened.Length, Is.Zero);
        Assert.That(bytes, Has.Length.EqualTo(PageLayout.HeaderSize));
    }

    [Test]
    public void Write_SamePageManyTimesWithSyncs_ReadsNewest()
    {
        // Arrange
        var file = PageFile.Create();
        byte[] last = [];

        // Act
        for (var i = 0; i < 50; i++)
        {
            last = PageFile.RandomBytes(Page, 100 + i);
            file.Stream.Position = Page;
            file.Stream.Write(last);
            if (i % 3 == 0)
            {
                file.Stream.Flush();
            }
        }

        file.Stream.Flush();
        using var reopened = PageFile.Open(file.Snapshot());
        var read = new byte[Page];
        reopened.Position = Page;
        reopened.ReadExactly(read);

        // Assert
        Assert.That(read, Is.EqualTo(last));
    }

    [Test]
    public void Open_UnsyncedAppend_IsCutOffAtSyncedLength()
    {
        // Arrange
        var file = PageFile.Create(StoreFileKind.Log);
        file.Stream.Write(PageFile.RandomBytes(2 * Page, 5));
        file.Stream.Flush();
        file.Stream.Write(PageFile.RandomBytes(3 * Page, 6));

        // Act
        using var reopened = PageFile.Open(file.Snapshot(), StoreFileKind.Log);

        // Assert
        Assert.That(reopened.Length, Is.EqualTo(2 * Page));
    }

    [Test]
    public void Read_TornRewriteAfterSync_ReturnsLastSyncedVersion()
    {
        // Arrange: v1 synced, then v2 and v3 written to the other slot without a sync, then that slot torn.
        var file = PageFile.Create();
        var v1 = PageFile.RandomBytes(Page, 7);
        file.Stream.Write(v1);
        file.Stream.Flush();
        file.Stream.Position = 0;
        file.Stream.Write(PageFile.RandomBytes(Page, 8));
        file.Stream.Position = 0;
        file.Stream.Write(PageFile.RandomBytes(Page, 9));
        var bytes = file.Snapshot();
        var torn = PageLayout.SlotOffset(0, 1) + 4096;
        Array.Clear(bytes, (int)torn, 512);

        // Act
        using var reopened = PageFile.Open(bytes);
        var read = new byte[Page];
        reopened.ReadExactly(read);

        // Assert
        Assert.That(read, Is.EqualTo(v1));
    }

    [Test]
    public void Write_TwiceBeforeSync_LeavesSyncedSlotUntouched()
    {
        // Arrange
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(Page, 10));
        file.Stream.Flush();
        var syncedSlot = file.Snapshot().AsSpan((int)PageLayout.SlotOffset(0, 0), PageLayout.SlotSize).ToArray();

        // Act
        for (var i = 0; i < 3; i++)
        {
            file.Stream.Position = 0;
            file.Stream.Write(PageFile.RandomBytes(Page, 11 + i));
        }

        // Assert
        var after = file.Snapshot().AsSpan((int)PageLayout.SlotOffset(0, 0), PageLayout.SlotSize).ToArray();
        Assert.That(after, Is.EqualTo(syncedSlot));
    }

    [Test]
    public void Open_WrongKey_ThrowsStoreKeyException()
    {
        // Arrange
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(Page, 12));
        file.Stream.Flush();

        // Act / Assert
        Assert.That(() => PageFile.Open(file.Snapshot(), key: new byte[32]), Throws.TypeOf<StoreKeyException>());
    }

    [Test]
    public void Open_OtherKind_ThrowsStoreCorrupt()
    {
        var file = PageFile.Create(StoreFileKind.Data);
        file.Stream.Flush();
        Assert.That(() => PageFile.Open(file.Snapshot(), StoreFileKind.Log), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_OtherStoreId_ThrowsStoreCorrupt()
    {
        var file = PageFile.Create(StoreFileKind.Log);
        Assert.That(
            () => PageFile.Open(file.Snapshot(), StoreFileKind.Log, storeId: new byte[16]),
            Throws.TypeOf<StoreCorruptException>());
    }

    [TestCase(0, Description = "magic")]
    [TestCase(8, Description = "format version")]
    [TestCase(12, Description = "kind")]
    public void Open_HeaderFieldAltered_ThrowsStoreCorrupt(int offset)
    {
        var bytes = PageFile.Create().Snapshot();
        bytes[offset] ^= 1;
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreCorruptException>());
    }

    [TestCase(16, Description = "store id")]
    [TestCase(40, Description = "header nonce")]
    [TestCase(60, Description = "key check tag")]
    public void Open_AuthenticatedHeaderFieldAltered_ThrowsStoreKeyException(int offset)
    {
        var bytes = PageFile.Create().Snapshot();
        bytes[offset] ^= 1;
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreKeyException>());
    }

    [Test]
    public void Open_BothCommitRecordsAltered_ThrowsStoreCorrupt()
    {
        // Arrange
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(Page, 13));
        file.Stream.Flush();
        var bytes = file.Snapshot();

        // Act
        bytes[PageLayout.RecordOffset(0) + 8] ^= 1;
        bytes[PageLayout.RecordOffset(1) + 8] ^= 1;

        // Assert
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreCorruptException>());
    }

    [TestCase(PageLayout.CounterOffset, Description = "counter")]
    [TestCase(PageLayout.NonceOffset + 3, Description = "nonce")]
    [TestCase(PageLayout.CipherOffset + 5000, Description = "ciphertext")]
    [TestCase(PageLayout.TagOffset + 15, Description = "tag")]
    public void Read_BitFlipInPage_ThrowsStoreCorrupt(int offsetInSlot)
    {
        // Arrange
        var bytes = WrittenFile(3);
        bytes[PageLayout.SlotOffset(1, 0) + offsetInSlot] ^= 0x10;

        // Act / Assert
        Assert.That(() => ReadAll(PageFile.Open(bytes)), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Read_PagesSwapped_ThrowsStoreCorrupt()
    {
        // Arrange
        var bytes = WrittenFile(3);
        var page0 = bytes.AsSpan((int)PageLayout.SlotOffset(0, 0), PageLayout.SlotSize).ToArray();
        bytes.AsSpan((int)PageLayout.SlotOffset(2, 0), PageLayout.SlotSize).CopyTo(
            bytes.AsSpan((int)PageLayout.SlotOffset(0, 0)));
        page0.CopyTo(bytes.AsSpan((int)PageLayout.SlotOffset(2, 0)));

        // Act / Assert
        Assert.That(() => ReadAll(PageFile.Open(bytes)), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Read_SlotMovedToOtherSlotOfSamePage_ThrowsStoreCorrupt()
    {
        var bytes = WrittenFile(1);
        Array.Resize(ref bytes, PageLayout.HeaderSize + PageLayout.PairSize);
        bytes.AsSpan((int)PageLayout.SlotOffset(0, 0), PageLayout.SlotSize).CopyTo(
            bytes.AsSpan((int)PageLayout.SlotOffset(0, 1)));
        Array.Clear(bytes, (int)PageLayout.SlotOffset(0, 0), PageLayout.SlotSize);
        Assert.That(() => ReadAll(PageFile.Open(bytes)), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Read_PageZeroed_ThrowsStoreCorrupt()
    {
        var bytes = WrittenFile(3);
        Array.Clear(bytes, (int)PageLayout.SlotOffset(1, 0), PageLayout.PairSize);
        Assert.That(() => ReadAll(PageFile.Open(bytes)), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Read_PageFromSameStoresOtherFile_ThrowsStoreCorrupt()
    {
        // Arrange: a data and a log file of one store (same key, same store id): only the kind differs.
        var id = new byte[16];
        id[0] = 7;
        var data = PageFile.Create(StoreFileKind.Data, id);
        var log = PageFile.Create(StoreFileKind.Log, id);
        data.Stream.Write(PageFile.RandomBytes(Page, 14));
        data.Stream.Flush();
        log.Stream.Write(PageFile.RandomBytes(Page, 15));
        log.Stream.Flush();
        var dataBytes = data.Snapshot();
        var logBytes = log.Snapshot();

        // Act
        logBytes.AsSpan((int)PageLayout.SlotOffset(0, 0), PageLayout.SlotSize).CopyTo(
            dataBytes.AsSpan((int)PageLayout.SlotOffset(0, 0)));

        // Assert
        Assert.That(() => ReadAll(PageFile.Open(dataBytes)), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Read_PageFromOtherStoreSameKey_ThrowsStoreCorrupt()
    {
        var a = WrittenFile(1);
        var b = WrittenFile(1);
        b.AsSpan((int)PageLayout.SlotOffset(0, 0), PageLayout.SlotSize).CopyTo(
            a.AsSpan((int)PageLayout.SlotOffset(0, 0)));
        Assert.That(() => ReadAll(PageFile.Open(a)), Throws.TypeOf<StoreCorruptException>());
    }

    [TestCase(100, Description = "inside the last page's slot")]
    [TestCase(-PageLayout.PairSize, Description = "a whole page")]
    public void Open_TruncatedInsideSyncedPages_ThrowsStoreCorrupt(int cut)
    {
        // Arrange
        var bytes = WrittenFile(3);
        var length = cut > 0 ? PageLayout.SlotOffset(2, 0) + cut : bytes.Length + cut;

        // Act / Assert
        Assert.That(
            () => ReadAll(PageFile.Open(bytes.AsSpan(0, (int)length).ToArray())),
            Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_EmptyFile_ThrowsStoreCorrupt()
    {
        Assert.That(() => PageFile.Open([]), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Create_NonEmptyInner_Throws()
    {
        Assert.That(
            () => EncryptedPageStream.Create(new MemoryStream([1]), PageFile.Key, StoreFileKind.Data),
            Throws.ArgumentException);
    }

    [Test]
    public void RawFile_AfterWritingPlaintext_DoesNotContainIt()
    {
        // Arrange
        var file = PageFile.Create();
        var canary = "CANARY-page-stream-plaintext-0123456789"u8.ToArray();
        var data = Enumerable.Repeat(canary, 600).SelectMany(x => x).ToArray();

        // Act
        file.Stream.Write(data);
        file.Stream.Flush();

        // Assert
        Assert.That(file.Snapshot().AsSpan().IndexOf(canary), Is.EqualTo(-1));
    }

    [Test]
    public void Operations_AfterDispose_Throw()
    {
        var file = PageFile.Create();
        file.Stream.Dispose();
        Assert.That(() => file.Stream.Write(new byte[1]), Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => file.Stream.Length, Throws.TypeOf<ObjectDisposedException>());
    }

    private static byte[] WrittenFile(int pages)
    {
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(pages * Page, pages));
        file.Stream.Flush();
        return file.Snapshot();
    }

    private static byte[] ReadAll(EncryptedPageStream stream)
    {
        using (stream)
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }
}
