using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// A read-only, seekable pass-through that reports how far into the stream reading has got, at most every
/// <see cref="Step"/> bytes and at the end: the verification pass of a large bundle takes seconds per GiB, and a
/// reviewer should see it move.
/// </summary>
internal sealed class ReadProgressStream(Stream inner, Action<long, long> onProgress) : ReadOnlyStreamBase
{
    /// <summary>Bytes between reports: a few hundred per GiB, so a terminal bar moves smoothly at no cost.</summary>
    public const long Step = 4 * 1024 * 1024;

    private long reported = -Step;

    public override bool CanSeek => inner.CanSeek;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        long position = inner.Position;
        if (position - reported >= Step || (n == 0 && buffer.Length > 0 && position != reported))
        {
            reported = position;
            onProgress(position, inner.Length);
        }

        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
}
