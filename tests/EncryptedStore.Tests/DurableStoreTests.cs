using System.Security.Cryptography;
using System.Text;
using LiteDB;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

public sealed class DurableStoreTests
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
    public void TearDown() => Directory.Delete(directory, recursive: true);

    [Test]
    public void Open_NewDirectory_WritesSurviveReopen()
    {
        // Arrange
        using (var store = DurableStore.Open(directory, key))
        {
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(1, 70_000)));
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(2, 10)));
        }

        // Act
        using var reopened = DurableStore.Open(directory, key);

        // Assert
        Assert.That(reopened.Read(db => Payloads.Missing(db, [1, 2])), Is.Empty);
        Assert.That(File.Exists(Path.Combine(directory, DurableStore.DataFileName)), Is.True);
        Assert.That(File.Exists(Path.Combine(directory, DurableStore.LogFileName)), Is.True);
    }

    [Test]
    public void Write_ReturnsTransactionResult()
    {
        using var store = DurableStore.Open(directory, key);
        var id = store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(5, 10)));
        Assert.That(id.AsInt32, Is.EqualTo(5));
    }

    [Test]
    public void Write_TransactionThrows_NothingIsKept()
    {
        // Arrange
        using var store = DurableStore.Open(directory, key);

        // Act
        Assert.That(
            () => store.Write(db =>
            {
                db.GetCollection(Payloads.Collection).Insert(Payloads.Document(1, 10));
                throw new InvalidOperationException("abort");
            }),
            Throws.InvalidOperationException);

        // Assert
        Assert.That(store.Read(db => db.GetCollection(Payloads.Collection).Count()), Is.Zero);
        store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(2, 10)));
        Assert.That(store.Read(db => db.GetCollection(Payloads.Collection).Count()), Is.EqualTo(1));
    }

    [Test]
    public void Write_FileStorageUpload_ReadsBackAfterReopen()
    {
        // Arrange
        var content = RandomNumberGenerator.GetBytes(300_000);
        using (var store = DurableStore.Open(directory, key))
        {
            // Act: FileStorage.Upload is two LiteDB transactions on its own; Write makes it one.
            store.Write(db => db.FileStorage.Upload("item-1", "item-1.age", new MemoryStream(content)));
        }

        // Assert
        using var reopened = DurableStore.Open(directory, key);
        var read = reopened.Read(db =>
        {
            var output = new MemoryStream();
            db.FileStorage.Download("item-1", output);
            return output.ToArray();
        });
        Assert.That(read, Is.EqualTo(content));
    }

    [Test]
    public void Open_WrongKey_ThrowsStoreKeyException()
    {
        DurableStore.Open(directory, key).Dispose();
        Assert.That(
            () => DurableStore.Open(directory, RandomNumberGenerator.GetBytes(32)),
            Throws.TypeOf<StoreKeyException>());
    }

    [TestCase(0)]
    [TestCase(16)]
    [TestCase(64)]
    public void Open_KeyNot32Bytes_ThrowsArgumentException(int length)
    {
        Assert.That(() => DurableStore.Open(directory, new byte[length]), Throws.ArgumentException);
    }

    [Test]
    public void Open_AlreadyOpen_ThrowsStoreLockedException()
    {
        using var store = DurableStore.Open(directory, key);
        Assert.That(() => DurableStore.Open(directory, key), Throws.TypeOf<StoreLockedException>());
    }

    [Test]
    public void Open_AfterDispose_LockIsReleased()
    {
        DurableStore.Open(directory, key).Dispose();
        Assert.That(() => DurableStore.Open(directory, key).Dispose(), Throws.Nothing);
    }

    [Test]
    public void Open_LogFileMissing_ThrowsStoreCorrupt()
    {
        DurableStore.Open(directory, key).Dispose();
        File.Delete(Path.Combine(directory, DurableStore.LogFileName));
        Assert.That(() => DurableStore.Open(directory, key), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_LogFromAnotherStoreWithSameKey_ThrowsStoreCorrupt()
    {
        // Arrange
        var other = new TempDirectory("ws-storage-tests-").Path;
        DurableStore.Open(directory, key).Dispose();
        DurableStore.Open(other, key).Dispose();

        // Act
        File.Copy(
            Path.Combine(other, DurableStore.LogFileName), Path.Combine(directory, DurableStore.LogFileName),
            overwrite: true);
        Directory.Delete(other, recursive: true);

        // Assert
        Assert.That(() => DurableStore.Open(directory, key), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void Open_DataPageTampered_ThrowsStoreCorrupt()
    {
        // Arrange
        using (var store = DurableStore.Open(directory, key))
        {
            store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(1, 100)));
        }

        // Act: flip a ciphertext bit in both slots of LiteDB's header page.
        var path = Path.Combine(directory, DurableStore.DataFileName);
        var bytes = File.ReadAllBytes(path);
        for (var slot = 0; slot < 2; slot++)
        {
            var offset = PageLayout.SlotOffset(0, slot) + PageLayout.CipherOffset + 100;
            if (offset < bytes.Length)
            {
                bytes[offset] ^= 1;
            }
        }

        File.WriteAllBytes(path, bytes);

        // Assert
        Assert.That(() => DurableStore.Open(directory, key), Throws.TypeOf<StoreCorruptException>());
    }

    [Test]
    public void RawFiles_AfterStoringCanaryDocumentsFilesAndSorting_DoNotContainIt()
    {
        // Arrange
        const string canary = "CANARY-7f3a-whistle-plaintext";
        var utf8 = Encoding.UTF8.GetBytes(canary);
        var utf16 = Encoding.Unicode.GetBytes(canary);
        using var store = DurableStore.Open(directory, key);

        // Act: documents, a FileStorage upload, and a sort big enough to spill to the temp stream.
        store.Write(db =>
        {
            var items = db.GetCollection("canary");
            // Many short keys: LiteDB 5.0.21 spills such a sort to its temp stream (it cannot sort keys over ~256
            // bytes at all: NotImplementedException).
            for (var i = 0; i < 40_000; i++)
            {
                items.Insert(new BsonDocument
                {
                    ["_id"] = i,
                    ["sortKey"] = $"{canary}-{(i * 7919) % 40_000:D5}",
                });
            }

            db.FileStorage.Upload("canary-file", "canary.txt", new MemoryStream(Encoding.UTF8.GetBytes(
                string.Concat(Enumerable.Repeat(canary, 2000)))));
        });
        var sorted = store.Read(db => db.GetCollection("canary").Query().OrderBy("$.sortKey").Limit(3).ToList());
        var whileOpen = ScanDirectory(utf8, utf16);
        var tempLength = new FileInfo(Path.Combine(directory, DurableStore.TempFileName)).Length;
        store.Dispose();
        var afterClose = ScanDirectory(utf8, utf16);

        // Assert
        Assert.That(sorted, Has.Count.EqualTo(3));
        Assert.That(tempLength, Is.GreaterThan(PageLayout.HeaderSize), "the sort should have spilled to temp");
        Assert.That(whileOpen, Is.Empty);
        Assert.That(afterClose, Is.Empty);
    }

    private List<string> ScanDirectory(byte[] utf8, byte[] utf16)
    {
        var hits = new List<string>();
        // The lock file is empty and held exclusively while open.
        foreach (var path in Directory.EnumerateFiles(directory).Where(p => !p.EndsWith(".lock", StringComparison.Ordinal)))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            if (bytes.AsSpan().IndexOf(utf8) >= 0 || bytes.AsSpan().IndexOf(utf16) >= 0)
            {
                hits.Add(Path.GetFileName(path));
            }
        }

        return hits;
    }
}
