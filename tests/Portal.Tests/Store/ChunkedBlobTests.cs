using System.Security.Cryptography;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>Chunks are written in FileStorage's own layout, but keep no time of day (the store keeps UTC days only).</summary>
public class ChunkedBlobTests
{
    [Test]
    public void StoreItem_AtAnyTimeOfDay_FileRecordsCarryTheUtcDayOnly()
    {
        using var fixture = new StoreFixture();
        fixture.Time.Advance(new TimeSpan(1, 37, 42));
        byte[] data = RandomNumberGenerator.GetBytes(StoreOptions.ChunkSize + ChunkedBlob.PieceSize + 5);
        string id = fixture.Store.StoreItem(ItemKind.Submission, SourceKeys.MailboxIdFromToken(RandomNumberGenerator.GetBytes(32)),
            new MemoryStream(data), data.Length);
        fixture.Store.Dispose();

        byte[] key = StoreKeyFile.LoadOrCreate(fixture.DataDirectory, fixture.Protection);
        using (var store = DurableStore.Open(Path.Combine(fixture.DataDirectory, PortalDatabase.DirectoryName), key))
        {
            var files = store.Read(db => db.FileStorage.FindAll().ToList());
            var copy = new MemoryStream();
            store.Read(db =>
            {
                foreach (var file in files.OrderBy(f => f.Id, StringComparer.Ordinal))
                {
                    file.CopyTo(copy);
                }

                return 0;
            });

            Assert.That(files.Select(f => f.UploadDate.ToUniversalTime()), Has.All.EqualTo(new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc)));
            Assert.That(files.Select(f => f.Length), Is.EqualTo(new long[] { StoreOptions.ChunkSize, ChunkedBlob.PieceSize + 5 }));
            Assert.That(copy.ToArray(), Is.EqualTo(data), "FileStorage reads the chunks back as its own");
        }

        fixture.Reopen();
        Assert.That(fixture.Transfer.ListUnexported().Single().Id, Is.EqualTo(id));
    }
}
