using System.Security.Cryptography;
using LiteDB;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>
/// Rollback on real files (issue 14): someone who can write the disk but has no key tries to bring back a removed
/// account by putting older bytes of the store's own files back. Each attempt is refused with a
/// <see cref="StoreCorruptException"/> that names nothing stored.
/// </summary>
public sealed class DurableStoreRollbackTests
{
    private const string Removed = "reviewer-mallory-5c1e";

    private string directory = "";
    private byte[] key = [];

    [SetUp]
    public void SetUp()
    {
        directory = new TempDirectory("ws-storage-tests-").Path;
        key = RandomNumberGenerator.GetBytes(32);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Open_DataPagesFromBeforeRemoval_ThrowsStoreCorrupt()
    {
        // Arrange
        var before = RemoveAccountAfterCopy();
        var now = File.ReadAllBytes(DataPath);

        // Act: every page pair as it was, the current header and commit records kept.
        before.AsSpan(PageLayout.HeaderSize).CopyTo(now.AsSpan(PageLayout.HeaderSize));
        File.WriteAllBytes(DataPath, now);

        // Assert
        AssertRefused();
    }

    [Test]
    public void Open_SlotsChangedSinceTheCopyWiped_ThrowsStoreCorrupt()
    {
        // Arrange
        var before = RemoveAccountAfterCopy();
        var now = File.ReadAllBytes(DataPath);

        // Act: every slot written since the copy is wiped, as torn writes would leave them, so that what remains
        // authentic of those pages is their version from before the removal.
        var wiped = 0;
        for (long page = 0; PageLayout.SlotOffset(page, 1) + PageLayout.SlotSize <= now.Length; page++)
        {
            for (var slot = 0; slot < 2; slot++)
            {
                var at = (int)PageLayout.SlotOffset(page, slot);
                if (at + PageLayout.SlotSize > before.Length
                    || !before.AsSpan(at, PageLayout.SlotSize).SequenceEqual(now.AsSpan(at, PageLayout.SlotSize)))
                {
                    Array.Clear(now, at, PageLayout.SlotSize);
                    wiped++;
                }
            }
        }

        File.WriteAllBytes(DataPath, now);

        // Assert
        Assert.That(wiped, Is.Positive);
        AssertRefused();
    }

    [Test]
    public void Open_CommitRecordsFromBeforeRemoval_ThrowsStoreCorrupt()
    {
        // Arrange
        var before = RemoveAccountAfterCopy();
        var now = File.ReadAllBytes(DataPath);

        // Act
        before.AsSpan(PageLayout.BlockSize, 2 * PageLayout.BlockSize).CopyTo(now.AsSpan(PageLayout.BlockSize));
        File.WriteAllBytes(DataPath, now);

        // Assert
        AssertRefused();
    }

    [Test]
    public void Open_DataFileTruncatedByOnePage_ThrowsStoreCorrupt()
    {
        RemoveAccountAfterCopy();
        using (var file = new FileStream(DataPath, FileMode.Open))
        {
            file.SetLength(file.Length - PageLayout.PairSize);
        }

        AssertRefused();
    }

    [Test]
    public void Open_DataPageFromAnotherStoreUnderTheSameKey_ThrowsStoreCorrupt()
    {
        // Arrange: a second store, same caller key (its own data key), same shape.
        RemoveAccountAfterCopy();
        var other = new TempDirectory("ws-storage-tests-").Path;
        try
        {
            using (var store = DurableStore.Open(other, key))
            {
                store.Write(db => db.GetCollection("accounts").Insert(new BsonDocument { ["_id"] = Removed }));
                Checkpoint(store);
            }

            var foreign = File.ReadAllBytes(Path.Combine(other, DurableStore.DataFileName));
            var now = File.ReadAllBytes(DataPath);

            // Act
            foreign.AsSpan(PageLayout.HeaderSize, PageLayout.PairSize).CopyTo(now.AsSpan(PageLayout.HeaderSize));
            File.WriteAllBytes(DataPath, now);
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }

        // Assert
        AssertRefused();
    }

    [Test]
    public void Open_LogFromBeforeCheckpointPutBack_ThrowsStoreCorrupt()
    {
        // Arrange: both accounts only in the log, copied; the removal checkpointed into the data file.
        byte[] before;
        using (var store = DurableStore.Open(directory, key))
        {
            store.Write(db =>
            {
                db.GetCollection("accounts").Insert(new BsonDocument { ["_id"] = "reviewer-alice", ["totp"] = 1 });
                db.GetCollection("accounts").Insert(new BsonDocument { ["_id"] = Removed, ["totp"] = 1 });
            });
            before = File.ReadAllBytes(LogPath);
            store.Write(db => db.GetCollection("accounts").Delete(Removed));
            Checkpoint(store);
        }

        // Act: the old log alone put back, to be replayed over the newer data file.
        File.WriteAllBytes(LogPath, before);

        // Assert
        var refusal = Assert.Throws<StoreCorruptException>(() =>
        {
            using var store = DurableStore.Open(directory, key);
            store.Read(db => db.GetCollection("accounts").FindAll().ToList());
        });
        Assert.That(refusal!.Message, Does.Contain(DurableStore.LogFileName).And.Not.Contain("mallory"));
    }

    private string LogPath => Path.Combine(directory, DurableStore.LogFileName);

    private string DataPath => Path.Combine(directory, DurableStore.DataFileName);

    // Two accounts, checkpointed into the data file; a byte copy of it; one account removed and checkpointed (the
    // log is emptied, so the removal lives only in the data file).
    private byte[] RemoveAccountAfterCopy()
    {
        using (var store = DurableStore.Open(directory, key))
        {
            store.Write(db =>
            {
                db.GetCollection("accounts").Insert(new BsonDocument { ["_id"] = "reviewer-alice", ["totp"] = 1 });
                db.GetCollection("accounts").Insert(new BsonDocument { ["_id"] = Removed, ["totp"] = 1 });
            });
            Checkpoint(store);
        }

        var before = File.ReadAllBytes(DataPath);
        using (var store = DurableStore.Open(directory, key))
        {
            store.Write(db => db.GetCollection("accounts").Delete(Removed));
            store.Write(db => db.GetCollection("accounts").Update(new BsonDocument { ["_id"] = "reviewer-alice", ["totp"] = 2 }));
            Checkpoint(store);
        }

        return before;
    }

    private static void Checkpoint(DurableStore store) => store.Read(db =>
    {
        db.Checkpoint();
        return 0;
    });

    private void AssertRefused()
    {
        var refusal = Assert.Throws<StoreCorruptException>(() =>
        {
            using var store = DurableStore.Open(directory, key);
            store.Read(db => db.GetCollection("accounts").FindAll().ToList());
        });
        Assert.That(refusal!.Message, Does.Not.Contain("mallory").And.Not.Contain("alice"));
    }
}
