using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Replays bytes already read from a non-seekable stream (armor sniffing, header read-ahead) before reading on
/// from the stream itself.
/// </summary>
internal sealed class PrefixedReadStream(byte[] prefix, Stream inner, bool leaveOpen) : ReadOnlyStreamBase
{
    private int offset;

    public override int Read(Span<byte> buffer)
    {
        if (offset < prefix.Length)
        {
            int n = Math.Min(buffer.Length, prefix.Length - offset);
            prefix.AsSpan(offset, n).CopyTo(buffer);
            offset += n;
            return n;
        }

        return inner.Read(buffer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
