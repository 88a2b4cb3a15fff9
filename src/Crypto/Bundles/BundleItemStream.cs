using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// A read-only view of one verified item inside the bundle file. It hashes again as it reads and throws at the end if
/// the bytes changed since verification (the file is the caller's, and could be rewritten in between).
/// </summary>
internal sealed class BundleItemStream(Stream bundle, long offset, BundleItem item) : KnownLengthReadStream(item.Size)
{
    private bool checkedHash;

    protected override int ReadSource(long position, Span<byte> buffer)
    {
        bundle.Position = offset + position;
        return bundle.Read(buffer);
    }

    protected override Exception EndedEarly() => new BundleException();

    protected override void AtEnd()
    {
        if (checkedHash)
        {
            return;
        }

        checkedHash = true;
        if (!BundleItem.HashMatches(HashAndReset(), item.Sha256))
        {
            throw new BundleException();
        }
    }
}
