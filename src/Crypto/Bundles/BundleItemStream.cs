using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Bundles;

/// <summary>
/// A read-only view of one verified item inside the bundle file. It hashes again as it reads and throws at the end if
/// the bytes changed since verification (the file is the caller's, and could be rewritten in between).
/// </summary>
internal sealed class BundleItemStream(Stream bundle, long offset, BundleItem item) : Stream
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;
    private bool checkedHash;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => item.Size;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        long remaining = item.Size - position;
        if (remaining == 0 || buffer.Length == 0)
        {
            CheckHashOnce(remaining);
            return 0;
        }

        bundle.Position = offset + position;
        int n = bundle.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        if (n == 0)
        {
            throw new BundleException();
        }

        sha256.AppendData(buffer[..n]);
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sha256.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckHashOnce(long remaining)
    {
        if (remaining != 0 || checkedHash)
        {
            return;
        }

        checkedHash = true;
        if (!BundleItem.HashMatches(sha256.GetHashAndReset(), item.Sha256))
        {
            throw new BundleException();
        }
    }
}
