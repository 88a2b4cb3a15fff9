using System.Buffers.Text;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// The header's base64: standard alphabet, no padding, and canonical (the unused low bits of the last
/// character must be zero), as the spec requires. Anything else is refused rather than repaired.
/// </summary>
internal static class Base64Canonical
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    /// <summary>Decodes canonical unpadded base64, or returns null.</summary>
    public static byte[]? Decode(ReadOnlySpan<char> s)
    {
        if (s.Length % 4 == 1)
        {
            return null;
        }

        foreach (char c in s)
        {
            bool ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/';
            if (!ok)
            {
                return null;
            }
        }

        int pad = (4 - (s.Length % 4)) % 4;
        Span<char> padded = s.Length + pad <= 1024 ? stackalloc char[s.Length + pad] : new char[s.Length + pad];
        s.CopyTo(padded);
        padded[s.Length..].Fill('=');
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(padded.Length)];
        if (!Convert.TryFromBase64Chars(padded, bytes, out int written))
        {
            return null;
        }

        Array.Resize(ref bytes, written);

        // Canonical: re-encoding must give back exactly the input (rejects non-zero trailing bits).
        return Encode(bytes).AsSpan().SequenceEqual(s) ? bytes : null;
    }
}
