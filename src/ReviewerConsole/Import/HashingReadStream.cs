using WhistleSubmit.Crypto.Hashing;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>A read-only pass-through that counts what is read and SHA-256-hashes it on the thread pool (<see cref="BackgroundSha256"/>).</summary>
internal sealed class HashingReadStream(Stream source) : Stream
{
    private readonly BackgroundSha256 sha256 = new();

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Lower-case hex SHA-256 of everything read so far.</summary>
    /// <summary>The SHA-256 of everything read, in lower-case hex; once, after the last read.</summary>
    public string FinishSha256() => Convert.ToHexStringLower(sha256.Finish());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = source.Read(buffer);
        if (n > 0)
        {
            sha256.Append(buffer[..n]);
            BytesRead += n;
        }

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
}
