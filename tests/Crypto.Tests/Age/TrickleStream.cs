using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>
/// A non-seekable read stream that hands out at most <c>maxRead</c> bytes per call, like a slow socket, and throws
/// TimeoutException once a read would reach past <c>failAt</c>, like a source that fails part-way.
/// </summary>
internal sealed class TrickleStream(byte[] data, int maxRead, int failAt = int.MaxValue) : ReadOnlyStreamBase
{
    private int position;

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
}
