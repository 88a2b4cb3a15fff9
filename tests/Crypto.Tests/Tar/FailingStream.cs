namespace WhistleSubmit.Crypto.Tests.Tar;

/// <summary>A read-only stream that throws TimeoutException once a read reaches <c>failAt</c>: a failing source.</summary>
internal sealed class FailingStream(byte[] data, int failAt) : Stream
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

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (position + count > failAt)
        {
            throw new TimeoutException("source failed");
        }

        int n = Math.Min(count, data.Length - position);
        Array.Copy(data, position, buffer, offset, n);
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
