using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Streams;

/// <summary>
/// A read-only stream of a length known in advance that SHA-256-hashes every byte it hands out, so whoever reads it
/// can check the bytes against a digest (bundle items) or record one (tar entries). A subclass says where the bytes
/// come from and what a source that ends early, or the end itself, means.
/// </summary>
internal abstract class KnownLengthReadStream(long length) : ReadOnlyStreamBase
{
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;

    public sealed override long Length => length;

    public sealed override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public sealed override int Read(Span<byte> buffer)
    {
        long remaining = length - position;
        if (remaining == 0)
        {
            AtEnd();
            return 0;
        }

        if (buffer.Length == 0)
        {
            return 0;
        }

        int n = ReadSource(position, buffer[..(int)Math.Min(buffer.Length, remaining)]);
        if (n == 0)
        {
            throw EndedEarly();
        }

        sha256.AppendData(buffer[..n]);
        position += n;
        return n;
    }

    /// <summary>Reads the bytes at <paramref name="offset"/> of this stream into <paramref name="buffer"/>; 0 at the source's end.</summary>
    protected abstract int ReadSource(long offset, Span<byte> buffer);

    /// <summary>What to throw when the source ends before the known length.</summary>
    protected abstract Exception EndedEarly();

    /// <summary>Called on every read once all bytes are read.</summary>
    protected abstract void AtEnd();

    /// <summary>SHA-256 of all the bytes read so far; the hash starts again after.</summary>
    protected byte[] HashAndReset() => sha256.GetHashAndReset();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
