using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>
/// Crypto-erase (issue 14): byte copies of the store files taken before a compaction stand in for the freed disk
/// blocks a later image recovers; after the compaction, every key on disk (the caller's key, which for the portal the
/// Data Protection ring on the same disk yields, and every data key in store.keys) must fail to open any of them.
/// </summary>
public sealed class DurableStoreCryptoEraseTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private string directory = "";
    private byte[] key = [];

    [SetUp]
    public void SetUp()
    {
        directory = new TempDirectory("ws-storage-tests-").Path;
        key = RandomNumberGenerator.GetBytes(32);
    }

    [TearDown]
    public void TearDown()
    {
        DurableStore.CompactionStep = null;
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void Compact_OldFileBytesKept_NoSlotOpensWithAnyKeyLeftOnDisk()
    {
        // Arrange: the deleted documents' canaries are readable in the old bytes with what is on disk before.
        CanaryStore.Fill(directory, key);
        var old = CopyStoreFiles();
        var keysBefore = DiskKeys.All(directory, key);
        Assert.That(SlotScanner.Contains(old.Data, keysBefore[1], StoreFileKind.Data, CanaryStore.Canary(CanaryStore.Kept)), Is.True);

        // Act
        DurableStore.Compact(directory, key);

        // Assert
        var keysAfter = DiskKeys.All(directory, key);
        Assert.That(keysAfter, Has.Count.EqualTo(2), "the caller's key and the one live data key");
        Assert.That(SlotScanner.AuthenticSlots(old.Data, keysAfter, StoreFileKind.Data), Is.Zero);
        Assert.That(SlotScanner.AuthenticSlots(old.Log, keysAfter, StoreFileKind.Log), Is.Zero);
        Assert.That(SlotScanner.AuthenticSlots(old.Data, [keysBefore[1]], StoreFileKind.Data), Is.Positive,
            "only the destroyed data key opened them");
        Assert.That(CanaryStore.KeySlotsInUse(directory), Is.EqualTo(1));
        using var store = DurableStore.Open(directory, key);
        CanaryStore.AssertKeptIntact(store);
    }

    [Test]
    public void Open_WrongKey_ThrowsStoreKeyAndLeavesKeyFileAlone()
    {
        // Arrange
        CanaryStore.Fill(directory, key);
        var keys = File.ReadAllBytes(KeysPath);

        // Act / Assert
        Assert.That(() => DurableStore.Open(directory, RandomNumberGenerator.GetBytes(32)), Throws.TypeOf<StoreKeyException>());
        Assert.That(() => DurableStore.Compact(directory, RandomNumberGenerator.GetBytes(32)), Throws.TypeOf<StoreKeyException>());
        Assert.That(File.ReadAllBytes(KeysPath), Is.EqualTo(keys));
    }

    [Test]
    public void Open_KeyFileMissing_ThrowsStoreCorrupt()
    {
        CanaryStore.Fill(directory, key);
        File.Delete(KeysPath);
        Assert.That(() => DurableStore.Open(directory, key), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_KeyFileFromBeforeCompaction_ThrowsStoreCorrupt()
    {
        // Arrange: the old key file brought back (a snapshot) holds no key for the new files.
        CanaryStore.Fill(directory, key);
        var keys = File.ReadAllBytes(KeysPath);
        DurableStore.Compact(directory, key);

        // Act
        File.WriteAllBytes(KeysPath, keys);

        // Assert
        Assert.That(() => DurableStore.Open(directory, key), Throws.TypeOf<StoreCorruptException>());
    }

    // Each step of a compaction, with the process really killed there (SIGKILL): the next open has the kept
    // documents, one data key, and after a full compaction the bytes from before open with nothing on disk.
    [TestCase("key")]
    [TestCase("copy")]
    [TestCase("mark")]
    [TestCase("move store.log")]
    [TestCase("move store.db")]
    [TestCase("sync")]
    [TestCase("discard")]
    [TestCase("erase")]
    public void Compact_KilledAtStep_NextOpenIntactAndOldBytesUnreadableAfterCompaction(string step)
    {
        // Arrange
        CanaryStore.Fill(directory, key);
        var old = CopyStoreFiles();

        // Act
        using (var host = CrashHostProcess.StartCompaction(directory, key, step))
        {
            Assert.That(host.WaitUntilReady(StartTimeout), Is.True, $"the compaction did not reach {step}");
            host.KillAndCollectAcknowledged();
        }

        // Assert
        using (var store = DurableStore.Open(directory, key))
        {
            CanaryStore.AssertKeptIntact(store);
        }

        Assert.That(CanaryStore.KeySlotsInUse(directory), Is.EqualTo(1));
        Assert.That(Directory.Exists(Path.Combine(directory, DurableStore.CompactionDirectoryName)), Is.False);
        DurableStore.Compact(directory, key);
        var keys = DiskKeys.All(directory, key);
        Assert.That(SlotScanner.AuthenticSlots(old.Data, keys, StoreFileKind.Data), Is.Zero);
        Assert.That(SlotScanner.AuthenticSlots(old.Log, keys, StoreFileKind.Log), Is.Zero);
    }

    private string KeysPath => Path.Combine(directory, "store.keys");

    private (byte[] Data, byte[] Log) CopyStoreFiles() => (
        File.ReadAllBytes(Path.Combine(directory, DurableStore.DataFileName)),
        File.ReadAllBytes(Path.Combine(directory, DurableStore.LogFileName)));
}
