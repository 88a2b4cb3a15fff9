using System.Formats.Tar;
using System.Text;
using WhistleSubmit.Crypto.Hashing;

namespace WhistleSubmit.Crypto.Tar;

/// <summary>
/// TarReader plus the checks our formats need on top of it (POSIX.1-1988 ustar, IEEE Std 1003.1 "pax" section
/// "ustar Interchange Format"): every entry is one plain ustar header block followed by its data — no pax or GNU
/// extension blocks, no prefix, no link name, regular files only — sizes are checked against a caller's limit before
/// any data is read, padding between entries is zero, and the end-of-archive marker is a real all-zero block.
/// Throws <see cref="TarFormatException"/> for our own findings; TarReader's exceptions pass through to the caller's mapping.
/// </summary>
internal sealed class StrictTarReader : IDisposable
{
    private static readonly byte[] UstarMagicAndVersion = "ustar\000"u8.ToArray();

    private readonly TarInput input;
    private readonly TarReader reader;
    private long nextHeader;

    /// <param name="source">The archive.</param>
    /// <param name="hash">If given, every byte read from <paramref name="source"/> is appended to it, in order.</param>
    internal StrictTarReader(Stream source, BackgroundSha256? hash = null)
    {
        input = new TarInput(source, hash);
        reader = new TarReader(input, leaveOpen: true);
    }

    /// <summary>Offset of the end-of-archive marker, once <see cref="Next"/> has returned null.</summary>
    internal long EndOfArchive { get; private set; } = -1;

    /// <summary>Whether a read found the source at its end.</summary>
    internal bool RanOut => input.RanOut;

    /// <summary>Bytes consumed from the source so far.</summary>
    internal long Consumed => input.Consumed;

    /// <summary>The next entry, or null at a well-formed end-of-archive marker.</summary>
    internal StrictTarEntry? Next(long maxLength)
    {
        TarEntry? entry = reader.GetNextEntry();
        ReadOnlySpan<byte> header = input.LastBlock;

        // Exactly one block consumed since the previous entry's padded data: anything else means extension headers
        // (pax, GNU long names) or a truncated marker.
        if (input.Consumed != nextHeader + TarInput.BlockSize)
        {
            throw new TarFormatException();
        }

        if (entry is null)
        {
            if (header.ContainsAnyExcept((byte)0))
            {
                throw new TarFormatException();
            }

            EndOfArchive = nextHeader;
            return null;
        }

        if (entry.Format != TarEntryFormat.Ustar || entry.EntryType != TarEntryType.RegularFile || !IsPlainUstarHeader(header, entry.Name))
        {
            throw new TarFormatException();
        }

        long length = entry.Length;
        if (length < 0 || length > maxLength)
        {
            throw new TarFormatException();
        }

        long dataStart = input.Consumed;
        long dataEnd = dataStart + length;
        long paddedEnd = RoundUpToBlock(dataEnd);
        input.RequireZeros(dataEnd, paddedEnd);
        nextHeader = paddedEnd;
        return new StrictTarEntry(entry.Name, length, dataStart, entry.DataStream ?? Stream.Null);
    }

    /// <summary>
    /// After the end-of-archive marker: reads to the end of the source, requiring only zero bytes, and returns the total
    /// length. Stops (throws) as soon as the length passes <paramref name="maxTotal"/>.
    /// </summary>
    internal long ReadTrailingZeros(long maxTotal)
    {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = input.Read(buffer)) > 0)
        {
            if (buffer.AsSpan(0, n).ContainsAnyExcept((byte)0) || input.Consumed > maxTotal)
            {
                throw new TarFormatException();
            }
        }

        return input.Consumed;
    }

    public void Dispose() => reader.Dispose();

    internal static long RoundUpToBlock(long offset) => checked((offset + TarInput.BlockSize - 1) / TarInput.BlockSize * TarInput.BlockSize);

    private static bool IsPlainUstarHeader(ReadOnlySpan<byte> header, string name)
    {
        // Field offsets from the ustar header layout: name 0..100, typeflag 156, linkname 157..257,
        // magic+version 257..265, prefix 345..500, then 12 unused bytes.
        byte[] nameBytes = Encoding.UTF8.GetBytes(name);
        return nameBytes.Length is > 0 and <= 100
            && header[..nameBytes.Length].SequenceEqual(nameBytes)
            && !header[nameBytes.Length..100].ContainsAnyExcept((byte)0)
            && header[156] == (byte)'0'
            && !header[157..257].ContainsAnyExcept((byte)0)
            && header[257..265].SequenceEqual(UstarMagicAndVersion)
            && !header[345..].ContainsAnyExcept((byte)0);
    }
}
