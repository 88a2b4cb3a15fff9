using WhistleSubmit.Crypto.Bundles;
using static WhistleSubmit.Crypto.Tests.Bundles.BundleFixtures;

namespace WhistleSubmit.Crypto.Tests.Bundles;

/// <summary>BundleReader.Open's itemCopy: the caller keeps each item's verified bytes from the one verification pass.</summary>
public class BundleReaderItemCopyTests
{
    private static readonly byte[] A = "item a"u8.ToArray();
    private static readonly byte[] Big = System.Security.Cryptography.RandomNumberGenerator.GetBytes((3 << 20) + 5);

    [Test]
    public void Open_ItemCopy_ReceivesEachWantedItemsBytesInManifestOrder()
    {
        byte[] bundle = Write((Id1, Big), (Id2, A));
        var asked = new List<string>();
        var copies = new Dictionary<string, MemoryStream>();

        using BundleReader reader = BundleReader.Open(new MemoryStream(bundle), itemCopy: item =>
        {
            asked.Add(item.Id);
            return item.Id == Id2 ? null : copies[item.Id] = new MemoryStream();
        });

        Assert.That(asked, Is.EqualTo(new[] { Id1, Id2 }));
        Assert.That(copies.Keys, Is.EqualTo(new[] { Id1 }));
        Assert.That(copies[Id1].ToArray(), Is.EqualTo(Big));
    }

    [Test]
    public void Open_ItemCopyOfATamperedItem_ThrowsBundleException()
    {
        byte[] bundle = Write((Id1, A));
        int dataOffset = 3 * Tar.RawTar.Block; // manifest header, manifest (< 512 bytes), item header
        bundle[dataOffset] ^= 1;

        Assert.That(() => BundleReader.Open(new MemoryStream(bundle), itemCopy: _ => new MemoryStream()),
            Throws.TypeOf<BundleException>());
    }

    [Test]
    public void Open_CopyStreamFails_PassesItsExceptionThroughNotAsABadBundle()
    {
        byte[] bundle = Write((Id1, A));

        Assert.That(() => BundleReader.Open(new MemoryStream(bundle), itemCopy: _ => new FullDiskStream()),
            Throws.TypeOf<IOException>().With.Message.EqualTo("No space left on device"));
    }

    [Test]
    public void Open_ItemCopyCallbackFails_PassesItsExceptionThrough()
    {
        byte[] bundle = Write((Id1, A));

        Assert.That(() => BundleReader.Open(new MemoryStream(bundle), itemCopy: _ => throw new UnauthorizedAccessException("staging")),
            Throws.TypeOf<UnauthorizedAccessException>().With.Message.EqualTo("staging"));
    }

    private sealed class FullDiskStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
    }
}
