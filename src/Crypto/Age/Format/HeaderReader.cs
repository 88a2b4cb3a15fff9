using System.Text;

namespace WhistleSubmit.Crypto.Age.Format;

/// <summary>
/// Strict parser of the v1 header (spec "Header", ABNF "file header"). Reads from a possibly non-seekable stream
/// in blocks, never past <see cref="HeaderLimits.MaxHeaderBytes"/> plus one block; bytes read beyond the MAC line
/// are handed back as the start of the payload. Every deviation is an <see cref="AgeErrorKind.Header"/> failure.
/// </summary>
internal sealed class HeaderReader
{
    private const int BlockSize = 4096;
    private static readonly byte[] Version = Encoding.ASCII.GetBytes(Header.Version);

    private readonly Stream input;
    private byte[] buffer = new byte[BlockSize];
    private int filled;
    private int position;
    private bool endOfStream;

    private HeaderReader(Stream input) => this.input = input;

    /// <summary>Parses the header and returns it with any payload bytes that were read past its end.</summary>
    public static (Header Header, byte[] Leftover) Read(Stream input)
    {
        var reader = new HeaderReader(input);
        Header header = reader.Parse();
        byte[] leftover = reader.buffer.AsSpan(reader.position, reader.filled - reader.position).ToArray();
        return (header, leftover);
    }

    private static AgeException Fail(string message) => new(AgeErrorKind.Header, message);

    private Header Parse()
    {
        if (!ReadLine(Version.Length, out int start, out int length) ||
            !buffer.AsSpan(start, length).SequenceEqual(Version))
        {
            throw Fail("The header does not start with a supported version line.");
        }

        var stanzas = new List<Stanza>();
        while (true)
        {
            EnsureAvailable(3);
            if (filled - position >= 3 && buffer.AsSpan(position, 3).SequenceEqual("---"u8))
            {
                return ParseMacLine(stanzas);
            }

            if (stanzas.Count == HeaderLimits.MaxStanzas)
            {
                throw Fail("The header has too many stanzas.");
            }

            stanzas.Add(ParseStanza());
        }
    }

    private Header ParseMacLine(List<Stanza> stanzas)
    {
        if (stanzas.Count == 0)
        {
            throw Fail("The header has no recipient stanzas.");
        }

        int macInputLength = position + 3;

        // "--- " then exactly 43 canonical base64 characters and LF.
        if (!ReadLine(4 + 43, out int start, out int length) || length != 4 + 43 || buffer[start + 3] != (byte)' ')
        {
            throw Fail("The header MAC line is malformed.");
        }

        byte[]? mac = DecodeBase64(buffer.AsSpan(start + 4, 43));
        if (mac is null || mac.Length != HeaderMac.Size)
        {
            throw Fail("The header MAC line is malformed.");
        }

        return new Header(stanzas, buffer.AsSpan(0, macInputLength).ToArray(), mac, position);
    }

    private Stanza ParseStanza()
    {
        if (!ReadLine(HeaderLimits.MaxArgumentLineBytes, out int start, out int length) ||
            length < 3 || !buffer.AsSpan(start, 3).SequenceEqual("-> "u8))
        {
            throw Fail("A header stanza line is malformed.");
        }

        // Latin-1 maps every byte to one char, so non-ASCII bytes stay visible to the VCHAR check below.
        string line = Encoding.Latin1.GetString(buffer, start + 3, length - 3);
        string[] args = line.Split(' ');
        if (args.Length > HeaderLimits.MaxArguments)
        {
            throw Fail("A header stanza has too many arguments.");
        }

        foreach (string arg in args)
        {
            if (!HeaderWriter.IsValidArgument(arg))
            {
                throw Fail("A header stanza argument is malformed.");
            }
        }

        var body = new MemoryStream();
        while (true)
        {
            // One more byte than a full line so that an over-long line is seen as such.
            if (!ReadLine(HeaderLimits.ColumnsPerLine, out start, out length))
            {
                throw Fail("A header stanza body line is malformed.");
            }

            byte[]? decoded = DecodeBase64(buffer.AsSpan(start, length));
            if (decoded is null)
            {
                throw Fail("A header stanza body is not canonical base64.");
            }

            body.Write(decoded);
            if (length < HeaderLimits.ColumnsPerLine)
            {
                return new Stanza(args[0], args[1..], body.ToArray());
            }
        }
    }

    private static byte[]? DecodeBase64(ReadOnlySpan<byte> ascii)
    {
        Span<char> chars = stackalloc char[ascii.Length];
        for (int i = 0; i < ascii.Length; i++)
        {
            chars[i] = (char)ascii[i];
        }

        return Base64Canonical.Decode(chars);
    }

    /// <summary>
    /// Finds the next LF-terminated line of at most <paramref name="maxLength"/> bytes (LF excluded) and consumes it.
    /// Returns false on a longer line, on end of stream, or past the total header cap.
    /// </summary>
    private bool ReadLine(int maxLength, out int start, out int length)
    {
        start = position;
        length = 0;
        int scanned = 0;
        while (true)
        {
            int available = filled - position;
            int lf = buffer.AsSpan(position + scanned, Math.Min(available, maxLength + 1) - scanned).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                length = scanned + lf;
                if (position + length + 1 > HeaderLimits.MaxHeaderBytes)
                {
                    throw Fail("The header is too large.");
                }

                position += length + 1;
                return true;
            }

            scanned = Math.Min(available, maxLength + 1);
            if (scanned > maxLength)
            {
                return false;
            }

            if (!Fill())
            {
                return false;
            }
        }
    }

    private void EnsureAvailable(int count)
    {
        while (filled - position < count && Fill())
        {
        }
    }

    /// <summary>Reads one more block. False at end of stream; throws past the header cap.</summary>
    private bool Fill()
    {
        if (endOfStream)
        {
            return false;
        }

        if (filled >= HeaderLimits.MaxHeaderBytes)
        {
            throw Fail("The header is too large.");
        }

        if (buffer.Length - filled < BlockSize)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        int n = input.Read(buffer, filled, BlockSize);
        if (n == 0)
        {
            endOfStream = true;
            return false;
        }

        filled += n;
        return true;
    }
}
