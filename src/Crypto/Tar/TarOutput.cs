using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Tar;

/// <summary>
/// A write-only, unseekable view of the caller's output that counts bytes, so writers know the archive length for
/// PADMÉ without the output being seekable (it is usually an age encryption stream).
/// </summary>
internal sealed class TarOutput(Stream target) : WriteOnlyStreamBase
{
    private long written;

    internal long Written => written;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        target.Write(buffer);
        written += buffer.Length;
    }

    /// <summary>Writes <paramref name="count"/> zero bytes.</summary>
    internal void WriteZeros(long count)
    {
        byte[] zeros = new byte[(int)Math.Min(count, 64 * 1024)];
        while (count > 0)
        {
            int n = (int)Math.Min(count, zeros.Length);
            Write(zeros.AsSpan(0, n));
            count -= n;
        }
    }

    public override void Flush() => target.Flush();
}
