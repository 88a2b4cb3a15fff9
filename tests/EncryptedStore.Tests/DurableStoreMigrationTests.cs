using System.Buffers.Binary;
using System.Runtime.InteropServices;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>
/// Format 1 stores are migrated when opened. The fixture was written by the format 1 code's own crash host and killed
/// with documents 1-3 acknowledged and still only in its log, so the migration also carries an unreplayed log over.
/// </summary>
public sealed class DurableStoreMigrationTests
{
    private static readonly byte[] FixtureKey = Convert.FromHexString(string.Concat(Enumerable.Repeat("5e", 32)));

    private string directory = "";

    [SetUp]
    public void SetUp()
    {
        directory = new TempDirectory("ws-storage-tests-").Path;
        foreach (var name in new[] { DurableStore.DataFileName, DurableStore.LogFileName })
        {
            File.Copy(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "format1", name), Path.Combine(directory, name));
        }
    }

    [TearDown]
    public void TearDown()
    {
        DurableStore.CompactionStep = null;
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void Open_FormatOneStore_MigratedWithEveryAcknowledgedDocument()
    {
        // Act
        using (var store = DurableStore.Open(directory, FixtureKey))
        {
            // Assert
            Assert.That(store.Read(db => Payloads.Missing(db, [1, 2, 3])), Is.Empty);
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(4, 5000)));
        }

        Assert.That(FormatVersion(DurableStore.DataFileName), Is.EqualTo(PageLayout.FormatVersion));
        Assert.That(FormatVersion(DurableStore.LogFileName), Is.EqualTo(PageLayout.FormatVersion));
        Assert.That(CanaryStore.KeySlotsInUse(directory), Is.EqualTo(1));
        using var reopened = DurableStore.Open(directory, FixtureKey);
        Assert.That(reopened.Read(db => Payloads.Missing(db, [1, 2, 3, 4])), Is.Empty);
    }

    [TestCase("migrate")]
    [TestCase("mark")]
    [TestCase("erase store.log")]
    [TestCase("move store.log")]
    [TestCase("erase store.db")]
    [TestCase("move store.db")]
    [TestCase("discard")]
    public void Open_FormatOneStoreCrashAtStep_NextOpenMigratesEverything(string step)
    {
        // Arrange
        DurableStore.CompactionStep = s =>
        {
            if (s == step)
            {
                throw new SimulatedCrashException();
            }
        };

        // Act
        Assert.That(() => DurableStore.Open(directory, FixtureKey), Throws.TypeOf<SimulatedCrashException>());
        DurableStore.CompactionStep = null;

        // Assert
        using var store = DurableStore.Open(directory, FixtureKey);
        Assert.That(store.Read(db => Payloads.Missing(db, [1, 2, 3])), Is.Empty);
        Assert.That(CanaryStore.KeySlotsInUse(directory), Is.EqualTo(1));
    }

    [Test]
    public void Open_FormatOneStore_OldFilesZeroedBeforeTheirBlocksAreFreed()
    {
        // Arrange: a second name for each old inode sees its blocks after the swap unlinks the first.
        var names = new[] { DurableStore.DataFileName, DurableStore.LogFileName };
        foreach (var name in names)
        {
            Assert.That(Link(Path.Combine(directory, name), Path.Combine(directory, name + ".old")), Is.Zero);
        }

        var lengths = names.Select(n => new FileInfo(Path.Combine(directory, n)).Length).ToArray();

        // Act
        using (var store = DurableStore.Open(directory, FixtureKey))
        {
            Assert.That(store.Read(db => Payloads.Missing(db, [1, 2, 3])), Is.Empty);
        }

        // Assert
        for (int i = 0; i < names.Length; i++)
        {
            var old = File.ReadAllBytes(Path.Combine(directory, names[i] + ".old"));
            Assert.That(old, Has.Length.EqualTo(lengths[i]).And.Length.GreaterThan(0));
            Assert.That(old.All(b => b == 0), Is.True, names[i] + " was not zeroed");
        }
    }

    [Test]
    public void Open_FormatOneStoreWrongKey_ThrowsStoreKeyAndChangesNothing()
    {
        var before = File.ReadAllBytes(Path.Combine(directory, DurableStore.DataFileName));
        Assert.That(() => DurableStore.Open(directory, new byte[32]), Throws.TypeOf<StoreKeyException>());
        Assert.That(File.ReadAllBytes(Path.Combine(directory, DurableStore.DataFileName)), Is.EqualTo(before));
        Assert.That(File.Exists(Path.Combine(directory, "store.keys")), Is.False);
    }

    [Test]
    public void Open_UnknownFormatVersion_ThrowsStoreCorruptNamingIt()
    {
        var path = Path.Combine(directory, DurableStore.DataFileName);
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 9);
        File.WriteAllBytes(path, bytes);
        Assert.That(() => DurableStore.Open(directory, FixtureKey),
            Throws.TypeOf<StoreCorruptException>().With.Message.Contains("format version 9"));
    }

    private uint FormatVersion(string name) =>
        BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(Path.Combine(directory, name)).AsSpan(8));

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string existing, string created);
}
