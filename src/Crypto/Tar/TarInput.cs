using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Tar;

/// <summary>
/// A forward-only view of untrusted tar input that TarReader reads through. It counts bytes (so readers know exactly
/// where each header and data region lies), keeps the last 512-byte block read (so a header TarReader accepted can be
/// checked byte for byte), and enforces "these bytes must be zero" over the padding TarReader skips without looking.
/// It presents itself as unseekable so that TarReader never seeks behind our back.
/// Failures of the underlying stream are wrapped in <see cref="TarSourceException"/> so that readers can let them
/// through unchanged (they are I/O or decryption failures, not malformed tar). Given a hash, it also hashes every byte
/// passing through, so a caller can digest the whole input in the same pass that parses it.
/// </summary>
internal sealed class TarInput : ReadOnlyStreamBase
{
    internal const int BlockSize = 512;

    private readonly Stream source;
    private readonly BackgroundSha256? hash;
    private readonly byte[] lastBlock = new byte[BlockSize];
    private long zeroFrom;
    private long zeroTo;
    private long position;

    internal TarInput(Stream source, BackgroundSha256? hash = null)
    {
        this.source = source;
        this.hash = hash;
    }

    /// <summary>Bytes consumed so far.</summary>
    internal long Consumed => position;

    /// <summary>Whether a read found the source at its end (a cut-short archive, when more was still expected).</summary>
    internal bool RanOut { get; private set; }

    /// <summary>The last 512 bytes consumed (the last header block, right after TarReader returns an entry).</summary>
    internal ReadOnlySpan<byte> LastBlock => lastBlock;

    /// <summary>Requires every byte at offsets [from, to) to be zero as it passes through.</summary>
    internal void RequireZeros(long from, long to)
    {
        zeroFrom = from;
        zeroTo = to;
    }

    public override int Read(Span<byte> buffer)
    {
        int n;
        try
        {
            n = source.Read(buffer);
        }
        catch (Exception ex)
        {
            throw new TarSourceException(ex);
        }

        if (n < 0 || n > buffer.Length)
        {
            throw new TarSourceException(new IOException("The input stream misreported a read."));
        }

        RanOut |= n == 0 && !buffer.IsEmpty;
        Span<byte> got = buffer[..n];
        CheckZeros(got);
        Remember(got);
        hash?.Append(got);
        position += n;
        return n;
    }

    private void CheckZeros(ReadOnlySpan<byte> got)
    {
        long start = Math.Max(position, zeroFrom);
        long end = Math.Min(position + got.Length, zeroTo);
        if (start < end && got.Slice((int)(start - position), (int)(end - start)).ContainsAnyExcept((byte)0))
        {
            throw new TarFormatException();
        }
    }

    private void Remember(ReadOnlySpan<byte> got)
    {
        if (got.Length >= BlockSize)
        {
            got[^BlockSize..].CopyTo(lastBlock);
            return;
        }

        lastBlock.AsSpan(got.Length).CopyTo(lastBlock);
        got.CopyTo(lastBlock.AsSpan(BlockSize - got.Length));
    }
}
