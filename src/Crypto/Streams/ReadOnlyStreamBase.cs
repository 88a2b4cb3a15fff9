namespace WhistleSubmit.Crypto.Streams;

/// <summary>
/// The overrides every read-only stream of this solution would otherwise retype: unseekable, no length, no position.
/// A subclass writes <see cref="Read(Span{byte})"/> and overrides only what it does differently (a known
/// <see cref="Length"/>, a readable <see cref="Position"/>, disposal). Public so that the portal and the console use
/// the same one.
/// </summary>
public abstract class ReadOnlyStreamBase : Stream
{
    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public abstract override int Read(Span<byte> buffer);

    /// <summary>Nothing to flush on a read-only stream.</summary>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
