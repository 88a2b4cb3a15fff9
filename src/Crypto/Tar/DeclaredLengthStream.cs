using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Tar;

/// <summary>
/// Presents a caller's content stream to TarWriter as seekable with a declared length. TarWriter takes the header
/// size from Length − Position and then copies to end of stream, and refuses unseekable data on an unseekable archive;
/// this view lets it stream any source while we guarantee the header tells the truth: a source that ends early or
/// runs long throws, and the bytes are hashed on the way through.
/// </summary>
internal sealed class DeclaredLengthStream(Stream source, long length) : Stream
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    /// <summary>SHA-256 of all the bytes read (call after the copy).</summary>
    internal byte[] GetHash() => sha256.GetHashAndReset();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        long remaining = length - position;
        if (remaining == 0)
        {
            // Confirm the source really ends here, or the archive would silently drop the excess.
            if (source.Read(stackalloc byte[1]) != 0)
            {
                throw new InvalidOperationException("The content is longer than its declared length.");
            }

            return 0;
        }

        int n = source.Read(buffer[..(int)Math.Min(buffer.Length, remaining)]);
        if (n == 0)
        {
            throw new InvalidOperationException("The content is shorter than its declared length.");
        }

        sha256.AppendData(buffer[..n]);
        position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void Flush()
    {
    }

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
}
