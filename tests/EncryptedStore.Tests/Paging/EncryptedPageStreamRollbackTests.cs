using WhistleSubmit.EncryptedStore.Paging;

namespace WhistleSubmit.EncryptedStore.Tests.Paging;

/// <summary>
/// Pages are bound to their commit (issue 14): older but authentic versions of a page, or older commit records, are
/// refused rather than read; what a crash leaves uncommitted is still recovered from.
/// </summary>
public sealed class EncryptedPageStreamRollbackTests
{
    private const int Page = EncryptedPageStream.PageSize;

    [Test]
    public void Open_CommittedSlotReplacedByItsOlderVersion_ThrowsStoreCorrupt()
    {
        // Arrange: v1 (slot 0), v2 (slot 1), v3 (slot 0), each committed; the copy after v1 holds v1 in slot 0.
        var file = PageFile.Create();
        var afterV1 = Commit(file, 1);
        Commit(file, 2);
        var bytes = Commit(file, 3);

        // Act: slot 0 goes back to v1, so slot 1's v2 is the newest authentic version on disk.
        CopySlot(afterV1, bytes, 0, 0);

        // Assert
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreCorruptException>().With.Message.Contains("last commit"));
    }

    [Test]
    public void Read_CommittedSlotDamaged_ThrowsStoreCorruptRatherThanReadingTheOlderSlot()
    {
        // Arrange
        var file = PageFile.Create();
        Commit(file, 1);
        var bytes = Commit(file, 2);

        // Act: v2's ciphertext altered; v1, authentic, is still in the other slot.
        bytes[PageLayout.SlotOffset(0, 1) + PageLayout.CipherOffset + 100] ^= 1;

        // Assert
        using var reopened = PageFile.Open(bytes);
        Assert.That(() => reopened.ReadExactly(new byte[Page]), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_OlderCommitRecordsReplayed_ThrowsStoreCorrupt()
    {
        // Arrange: two pages committed, then rewritten in later commits.
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(2 * Page, 1));
        file.Stream.Flush();
        var old = file.Snapshot();
        for (var i = 0; i < 3; i++)
        {
            file.Stream.Position = 0;
            file.Stream.Write(PageFile.RandomBytes(2 * Page, 10 + i));
            file.Stream.Flush();
        }

        var bytes = file.Snapshot();

        // Act: both record slots as they were after the first commit.
        old.AsSpan(PageLayout.BlockSize, 2 * PageLayout.BlockSize).CopyTo(bytes.AsSpan(PageLayout.BlockSize));

        // Assert
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_NewestCommitRecordDamaged_ThrowsStoreCorruptRatherThanUsingTheOlder()
    {
        // Arrange
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(Page, 1));
        file.Stream.Flush();
        file.Stream.Write(PageFile.RandomBytes(Page, 2));
        file.Stream.Flush();
        var bytes = file.Snapshot();

        // Act: the newest record is in slot 0 (creation wrote 0, then 1, then 0).
        bytes[PageLayout.RecordOffset(0) + 8] ^= 1;

        // Assert
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreCorruptException>().With.Message.Contains("commit record"));
    }

    [Test]
    public void Open_NewestVersionZeroedSoTheOlderRemains_ThrowsStoreCorrupt()
    {
        // Arrange: page 1 committed in slot 0, then rewritten and committed in slot 1.
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(2 * Page, 1));
        file.Stream.Flush();
        file.Stream.Position = Page;
        file.Stream.Write(PageFile.RandomBytes(Page, 2));
        file.Stream.Flush();
        var bytes = file.Snapshot();

        // Act: the newest version wiped, as a torn write would leave it; the older one is authentic.
        Array.Clear(bytes, (int)PageLayout.SlotOffset(1, 1), PageLayout.SlotSize);

        // Assert
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_CommitRecordOfTwoCommitsAgoReplayed_ThrowsStoreCorrupt()
    {
        // Arrange: three commits of page 0 (slots 0, 1, 0) and page 1 untouched; records after commit 1 saved.
        var file = PageFile.Create();
        file.Stream.Write(PageFile.RandomBytes(2 * Page, 1));
        file.Stream.Flush();
        var old = file.Snapshot();
        Commit(file, 2);
        var bytes = Commit(file, 3);

        // Act: both record slots back; page 0's commit-1 version is gone, but page 1's is the current one.
        old.AsSpan(PageLayout.BlockSize, 2 * PageLayout.BlockSize).CopyTo(bytes.AsSpan(PageLayout.BlockSize));

        // Assert
        Assert.That(() => PageFile.Open(bytes), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_TornUncommittedWritesAfterCommit_RecoverCommittedStateThenCommitAgain()
    {
        // Arrange: a commit, then rewrites and an append never committed, one rewrite torn mid-slot.
        var file = PageFile.Create();
        var committed = PageFile.RandomBytes(2 * Page, 1);
        file.Stream.Write(committed);
        file.Stream.Flush();
        file.Stream.Position = 0;
        file.Stream.Write(PageFile.RandomBytes(3 * Page, 2));
        var bytes = file.Snapshot();
        Array.Clear(bytes, (int)PageLayout.SlotOffset(0, 1) + 4096, 512);

        // Act
        var raw = new MemoryStream();
        raw.Write(bytes);
        using (var reopened = EncryptedPageStream.Open(raw, PageFile.Key, StoreFileKind.Data))
        {
            var read = new byte[reopened.Length];
            reopened.ReadExactly(read);
            Assert.That(read, Is.EqualTo(committed));

            // The cleared leftovers never come back as committed versions once newer commits follow.
            reopened.Position = Page;
            reopened.Write(PageFile.RandomBytes(Page, 3));
            reopened.Flush();
        }

        // Assert
        using var again = PageFile.Open(raw.ToArray());
        var final = new byte[again.Length];
        again.ReadExactly(final);
        Assert.That(final.AsSpan(0, Page).ToArray(), Is.EqualTo(committed.AsSpan(0, Page).ToArray()));
        Assert.That(final.AsSpan(Page).ToArray(), Is.EqualTo(PageFile.RandomBytes(Page, 3)));
    }

    private static byte[] Commit(PageFile file, int seed)
    {
        file.Stream.Position = 0;
        file.Stream.Write(PageFile.RandomBytes(Page, seed));
        file.Stream.Flush();
        return file.Snapshot();
    }

    private static void CopySlot(byte[] from, byte[] to, long page, int slot) =>
        from.AsSpan((int)PageLayout.SlotOffset(page, slot), PageLayout.SlotSize)
            .CopyTo(to.AsSpan((int)PageLayout.SlotOffset(page, slot)));
}
