using System.Buffers.Text;

namespace WhistleSubmit.Crypto.Signing;

/// <summary>
/// base64url without padding, canonical only: the alphabet is checked by hand (the BCL decoder skips whitespace and
/// accepts padding) and the unused low bits of the last character must be zero, so each byte string has one text.
/// </summary>
internal static class Base64UrlCanonical
{
    public static string Encode(ReadOnlySpan<byte> data) => Base64Url.EncodeToString(data);

    /// <summary>Decodes canonical unpadded base64url, or returns null.</summary>
    public static byte[]? Decode(ReadOnlySpan<char> text)
    {
        if (text.Length % 4 == 1)
        {
            return null;
        }

        foreach (char c in text)
        {
            if (!IsChar(c))
            {
                return null;
            }
        }

        if (!HasZeroTrailingBits(text))
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        return Base64Url.TryDecodeFromChars(text, bytes, out int written) && written == bytes.Length ? bytes : null;
    }

    /// <summary>Decodes ASCII base64url held in UTF-8 bytes (as in an envelope), or returns null.</summary>
    public static byte[]? Decode(ReadOnlySpan<byte> utf8)
    {
        var chars = new char[utf8.Length];
        for (int i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return Decode(chars);
    }

    private static bool IsChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';

    // With 2 trailing characters the last carries 4 unused bits; with 3, the last carries 2.
    private static bool HasZeroTrailingBits(ReadOnlySpan<char> text)
    {
        int rest = text.Length % 4;
        if (rest == 0)
        {
            return true;
        }

        int last = Value(text[^1]);
        int unusedMask = rest == 2 ? 0x0f : 0x03;
        return (last & unusedMask) == 0;
    }

    private static int Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        _ => 63,
    };
}
