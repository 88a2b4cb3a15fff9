using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// Reads several streams one after the other, opening each lazily and closing it when done; onDispose runs once,
/// when this stream is disposed.
/// </summary>
internal sealed class ConcatenatedStream(IEnumerable<Func<Stream>> parts, long length, Action? onDispose = null) : ReadOnlyStreamBase
{
    private readonly IEnumerator<Func<Stream>> remaining = parts.GetEnumerator();
    private Stream? current;
    private long position;
    private bool disposed;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        while (buffer.Length > 0)
        {
            if (current is null)
            {
                if (!remaining.MoveNext())
                {
                    return 0;
                }

                current = remaining.Current();
            }

            int n = current.Read(buffer);
            if (n > 0)
            {
                position += n;
                return n;
            }

            current.Dispose();
            current = null;
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            try
            {
                current?.Dispose();
                remaining.Dispose();
            }
            finally
            {
                onDispose?.Invoke();
            }
        }

        base.Dispose(disposing);
    }
}
