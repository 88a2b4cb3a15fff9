using System.Security.Cryptography;
using LiteDB;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

public sealed class DurableStoreCompactionTests
{
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
    public void Compact_AfterDeletes_FileShrinksKeptDataIntactDeletedPlaintextGone()
    {
        // Arrange
        CanaryStore.Fill(directory, key);
        long before = new FileInfo(DataPath).Length;
        Assert.That(AnyFileContains(CanaryStore.Canary(CanaryStore.Kept)), Is.True, "the deleted document is still in some page slot");

        // Act
        DurableStore.Compact(directory, key);

        // Assert
        Assert.That(new FileInfo(DataPath).Length, Is.LessThan(before));
        Assert.That(Enumerable.Range(CanaryStore.Kept, CanaryStore.Count - CanaryStore.Kept).Where(i => AnyFileContains(CanaryStore.Canary(i))), Is.Empty);
        Assert.That(AnyFileContains(CanaryStore.Canary(0)), Is.True);
        using var store = DurableStore.Open(directory, key);
        CanaryStore.AssertKeptIntact(store);
    }

    [TestCase("key")]
    [TestCase("copy")]
    [TestCase("copy batch")]
    [TestCase("mark")]
    [TestCase("move store.log")]
    [TestCase("move store.db")]
    [TestCase("sync")]
    [TestCase("discard")]
    [TestCase("erase")]
    public void Compact_CrashAtStep_NextOpenHasEveryKeptDocument(string step)
    {
        // Arrange
        CanaryStore.Fill(directory, key);
        DurableStore.CompactionStep = s =>
        {
            if (s == step)
            {
                throw new SimulatedCrashException();
            }
        };

        // Act
        Assert.That(() => DurableStore.Compact(directory, key), Throws.TypeOf<SimulatedCrashException>());
        DurableStore.CompactionStep = null;

        // Assert
        using (var store = DurableStore.Open(directory, key))
        {
            CanaryStore.AssertKeptIntact(store);
        }

        Assert.That(Directory.Exists(Path.Combine(directory, DurableStore.CompactionDirectoryName)), Is.False);
        Assert.That(CanaryStore.KeySlotsInUse(directory), Is.EqualTo(1), "the other generation's key is erased");
        DurableStore.Compact(directory, key);
        using var compacted = DurableStore.Open(directory, key);
        CanaryStore.AssertKeptIntact(compacted);
    }

    [Test]
    public void Compact_StoreOpen_ThrowsStoreLockedAndLeavesStore()
    {
        CanaryStore.Fill(directory, key);
        using var store = DurableStore.Open(directory, key);
        Assert.That(() => DurableStore.Compact(directory, key), Throws.TypeOf<StoreLockedException>());
        CanaryStore.AssertKeptIntact(store);
    }

    private string DataPath => Path.Combine(directory, DurableStore.DataFileName);

    private bool AnyFileContains(byte[] pattern) =>
        SlotScanner.Contains(DataPath, DiskKeys.All(directory, key), StoreFileKind.Data, pattern)
        || SlotScanner.Contains(Path.Combine(directory, DurableStore.LogFileName), DiskKeys.All(directory, key), StoreFileKind.Log, pattern)
        || Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Any(f => File.ReadAllBytes(f).AsSpan().IndexOf(pattern) >= 0);
}
