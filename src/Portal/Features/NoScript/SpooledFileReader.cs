using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>The plaintext of a <see cref="SpooledFile"/>, decrypted one chunk at a time (never more in memory).</summary>
internal sealed class SpooledFileReader(SpooledFile owner) : ReadOnlyStreamBase
{
    private readonly byte[] chunk = new byte[SpooledFile.ChunkSize];
    private long nextChunk;
    private int offset;
    private int available;
    private long position;

    public override long Length => owner.Length;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        if (available == 0)
        {
            if (position == owner.Length || buffer.IsEmpty)
            {
                return 0;
            }

            available = owner.ReadChunk(nextChunk++, chunk);
            offset = 0;
        }

        int take = Math.Min(available, buffer.Length);
        chunk.AsSpan(offset, take).CopyTo(buffer);
        offset += take;
        available -= take;
        position += take;
        return take;
    }

    protected override void Dispose(bool disposing)
    {
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(chunk);
        base.Dispose(disposing);
    }
}
