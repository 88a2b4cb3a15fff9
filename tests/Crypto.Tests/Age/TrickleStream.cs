namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>
/// A non-seekable read stream that hands out at most <c>maxRead</c> bytes per call, like a slow socket, and throws
/// TimeoutException once a read would reach past <c>failAt</c>, like a source that fails part-way.
/// </summary>
internal sealed class TrickleStream(byte[] data, int maxRead, int failAt = int.MaxValue) : Stream
{
    private int position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int wanted = Math.Min(buffer.Length, maxRead);
        if (position + (long)wanted > failAt)
        {
            throw new TimeoutException("source failed");
        }

        int n = Math.Min(wanted, data.Length - position);
        data.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
