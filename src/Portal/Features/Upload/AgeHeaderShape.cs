using System.Text;

namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>
/// Checks that an upload starts with a well-formed age v1 header (age spec "Header") for our recipients: the version
/// line, exactly recipientCount stanzas all of stanzaType, each body in canonical 64-column lines, then the MAC line.
/// Shape only: the portal holds no identity and never decrypts (invariant 5); this just keeps obvious junk out.
/// </summary>
public static class AgeHeaderShape
{
    private const int MaxHeaderBytes = 128 * 1024;
    private const int Columns = 64;
    private const string Version = "age-encryption.org/v1";

    public static bool IsWellFormed(Stream input, string stanzaType, int recipientCount)
    {
        var reader = new LineReader(input, MaxHeaderBytes);
        if (reader.Next() != Version)
        {
            return false;
        }

        int stanzas = 0;
        while (reader.Next() is { } line)
        {
            if (line.StartsWith("--- ", StringComparison.Ordinal))
            {
                return stanzas == recipientCount && IsBase64(line.AsSpan(4)) && line.Length - 4 == 43;
            }

            string[] args = line.Split(' ');
            if (args.Length < 2 || args[0] != "->" || args[1] != stanzaType || args.Any(a => a.Length == 0))
            {
                return false;
            }

            stanzas++;
            while (true)
            {
                string? body = reader.Next();
                if (body is null || body.Length > Columns || !IsBase64(body))
                {
                    return false;
                }

                if (body.Length < Columns)
                {
                    break;
                }
            }
        }

        return false;
    }

    private static bool IsBase64(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '+' && c != '/')
            {
                return false;
            }
        }

        return true;
    }

    // Reads LF-terminated ASCII lines, refusing anything past the header limit.
    private sealed class LineReader(Stream input, int limit)
    {
        private readonly StringBuilder line = new();
        private int consumed;

        public string? Next()
        {
            line.Clear();
            while (consumed < limit)
            {
                int b = input.ReadByte();
                consumed++;
                if (b < 0 || b > 0x7E || (b < 0x20 && b != '\n'))
                {
                    return null;
                }

                if (b == '\n')
                {
                    return line.ToString();
                }

                line.Append((char)b);
            }

            return null;
        }
    }
}
