using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Age.AsciiArmor;

/// <summary>
/// Spec "ASCII armor": a strict PEM decoder. Only whitespace-only lines before the BEGIN line and whitespace after
/// the END line are tolerated (bounded); lines end in LF or CRLF; every data line is 64 columns of canonical padded
/// base64 except the last, which is followed by the END line. Any deviation is <see cref="AgeErrorKind.Armor"/>.
/// </summary>
internal sealed class ArmorReadStream : ReadOnlyStreamBase
{
    // A data line, a CR, and one byte more to detect an over-long line.
    private const int MaxLine = ArmorFormat.ColumnsPerLine + 1;

    private readonly Stream inner;
    private readonly bool leaveOpen;
    private readonly byte[] input = new byte[8192];
    private readonly byte[] decoded = new byte[ArmorFormat.BytesPerLine];
    private int inputStart;
    private int inputEnd;
    private bool inputEof;
    private int decodedStart;
    private int decodedEnd;
    private bool started;
    private bool finished;
    private AgeException? error;

    public ArmorReadStream(Stream inner, bool leaveOpen)
    {
        this.inner = inner;
        this.leaveOpen = leaveOpen;
    }

    public override int Read(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            if (decodedStart < decodedEnd)
            {
                int n = Math.Min(buffer.Length - total, decodedEnd - decodedStart);
                decoded.AsSpan(decodedStart, n).CopyTo(buffer[total..]);
                decodedStart += n;
                total += n;
                continue;
            }

            if (finished)
            {
                break;
            }

            if (error is not null)
            {
                // Hand over what was decoded before the error; the error comes with the next call.
                if (total > 0)
                {
                    break;
                }

                throw error;
            }

            try
            {
                DecodeNextLine();
            }
            catch (AgeException e)
            {
                error = e;
            }
        }

        return total;
    }

    private static AgeException Fail(string message) => new(AgeErrorKind.Armor, message);

    private void DecodeNextLine()
    {
        ReadOnlySpan<byte> line;
        if (!started)
        {
            int whitespace = 0;
            while (true)
            {
                line = GetLine(ArmorFormat.MaxOuterWhitespace);
                if (!IsAllWhitespace(line))
                {
                    break;
                }

                whitespace += line.Length + 1;
                if (whitespace > ArmorFormat.MaxOuterWhitespace)
                {
                    throw Fail("The armor has too much leading whitespace.");
                }
            }

            if (!line.SequenceEqual(ArmorFormat.BeginLine))
            {
                throw Fail("The armor does not start with the expected BEGIN line.");
            }

            started = true;
        }

        line = GetLine(MaxLine);
        if (line.SequenceEqual(ArmorFormat.EndLine))
        {
            DrainTrailing();
            return;
        }

        if (line.IsEmpty || line.Length > ArmorFormat.ColumnsPerLine || !TryDecode(line, out int count))
        {
            throw Fail("The armor contains a malformed line.");
        }

        decodedStart = 0;
        decodedEnd = count;
        if (count < ArmorFormat.BytesPerLine)
        {
            // Only the last line may be short, and it must be followed by the END line.
            if (!GetLine(MaxLine).SequenceEqual(ArmorFormat.EndLine))
            {
                throw Fail("The armor does not end with the expected END line.");
            }

            DrainTrailing();
        }
    }

    /// <summary>Strict RFC 4648 base64 with padding: alphabet only, length multiple of 4, canonical bits.</summary>
    private bool TryDecode(ReadOnlySpan<byte> line, out int count)
    {
        count = 0;
        if (line.Length % 4 != 0)
        {
            return false;
        }

        Span<char> chars = stackalloc char[line.Length];
        int padding = 0;
        for (int i = 0; i < line.Length; i++)
        {
            byte b = line[i];
            bool alphabet = b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z')
                or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/';
            if (b == (byte)'=')
            {
                padding++;
            }
            else if (!alphabet || padding > 0)
            {
                return false;
            }

            chars[i] = (char)b;
        }

        if (padding > 2 || !Convert.TryFromBase64Chars(chars, decoded, out count))
        {
            return false;
        }

        Span<char> again = stackalloc char[line.Length];
        return Convert.TryToBase64Chars(decoded.AsSpan(0, count), again, out int written) &&
            again[..written].SequenceEqual(chars);
    }

    /// <summary>After the END line only bounded whitespace may follow.</summary>
    private void DrainTrailing()
    {
        int seen = 0;
        while (true)
        {
            if (inputStart == inputEnd && !Fill())
            {
                break;
            }

            for (; inputStart < inputEnd; inputStart++, seen++)
            {
                if (!ArmorFormat.IsWhitespace(input[inputStart]))
                {
                    throw Fail("The armor has data after the END line.");
                }
            }

            if (seen >= ArmorFormat.MaxOuterWhitespace)
            {
                throw Fail("The armor has too much trailing whitespace.");
            }
        }

        finished = true;
    }

    /// <summary>
    /// Returns the next line without its LF and one trailing CR. The last line may lack an LF; end of input before
    /// any byte of a line, or a line longer than <paramref name="max"/>, is an armor failure.
    /// </summary>
    private ReadOnlySpan<byte> GetLine(int max)
    {
        int scanned = 0;
        while (true)
        {
            int lf = input.AsSpan(inputStart + scanned, inputEnd - inputStart - scanned).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                int length = scanned + lf;
                if (length > max)
                {
                    throw Fail("The armor contains an over-long line.");
                }

                var line = new ReadOnlySpan<byte>(input, inputStart, length);
                inputStart += length + 1;
                return TrimCr(line);
            }

            scanned = inputEnd - inputStart;
            if (scanned > max)
            {
                throw Fail("The armor contains an over-long line.");
            }

            if (!Fill())
            {
                if (scanned == 0)
                {
                    throw Fail("The armor ended unexpectedly.");
                }

                var line = new ReadOnlySpan<byte>(input, inputStart, scanned);
                inputStart = inputEnd;
                return TrimCr(line);
            }
        }
    }

    private static ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private static bool IsAllWhitespace(ReadOnlySpan<byte> line)
    {
        foreach (byte b in line)
        {
            if (!ArmorFormat.IsWhitespace(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Moves unread bytes to the front and reads more. False at end of input.</summary>
    private bool Fill()
    {
        if (inputEof)
        {
            return false;
        }

        if (inputStart > 0)
        {
            input.AsSpan(inputStart, inputEnd - inputStart).CopyTo(input);
            inputEnd -= inputStart;
            inputStart = 0;
        }

        int n = inner.Read(input, inputEnd, input.Length - inputEnd);
        if (n == 0)
        {
            inputEof = true;
            return false;
        }

        inputEnd += n;
        return true;
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
