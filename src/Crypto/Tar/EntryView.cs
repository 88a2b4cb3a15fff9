namespace WhistleSubmit.Crypto.Tar;

/// <summary>
/// The read-only stream a caller gets for one entry's data. Disposing it does not close the archive, and it stops
/// working once the reader moves on, so a caller cannot disturb the archive position or read out of turn.
/// </summary>
internal sealed class EntryView(Stream data) : Stream
{
    private bool closed;

    public override bool CanRead => !closed;

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
        ObjectDisposedException.ThrowIf(closed, this);
        return data.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        closed = true;
        base.Dispose(disposing);
    }
}
