using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests.Paging;

public sealed class EncryptedPageStreamSyncFailureTests
{
    [Test]
    public void Flush_AfterOneFailedSync_KeepsFailingEvenWhenTheDiskSucceedsAgain()
    {
        // Arrange
        var disk = new FailingFlushStream();
        using var stream = EncryptedPageStream.Create(disk, RandomNumberGenerator.GetBytes(32), StoreFileKind.Log, RandomNumberGenerator.GetBytes(16));
        stream.Write(new byte[EncryptedPageStream.PageSize]);
        disk.FailNextFlush = true;
        Assert.That(stream.Flush, Throws.TypeOf<IOException>());

        // Act: the disk would now report success for pages it may have dropped.
        stream.Write(new byte[EncryptedPageStream.PageSize]);

        // Assert
        Assert.That(stream.Flush, Throws.TypeOf<IOException>().With.Message.Contains("earlier sync"));
        Assert.That(stream.HasUnsyncedChanges, Is.True);
    }
}
