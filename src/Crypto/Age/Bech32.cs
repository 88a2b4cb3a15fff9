using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// Bech32 (BIP 173, not Bech32m) as age uses it for keys: no 90-character limit (post-quantum keys are long),
/// a single case throughout. Returns <c>null</c> on any malformed input; callers decide how to report it.
/// </summary>
internal static class Bech32
{
    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static readonly uint[] Generator = [0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu, 0x2a1462b3u];

    /// <summary>Keys are never longer than this (an ML-KEM-768 + X25519 recipient is about 1,950 characters).</summary>
    internal const int MaxLength = 4096;

    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(hrp);
        foreach (char c in hrp)
        {
            if (c < 33 || c > 126 || char.IsUpper(c))
            {
                throw new ArgumentException("The human-readable part must be lower-case printable ASCII.", nameof(hrp));
            }
        }

        byte[] values = ConvertBits(data, 8, 5, pad: true)!;
        byte[] checksum = CreateChecksum(hrp, values);
        var sb = new StringBuilder(hrp.Length + 1 + values.Length + checksum.Length);
        sb.Append(hrp).Append('1');
        foreach (byte v in values)
        {
            sb.Append(Charset[v]);
        }

        foreach (byte v in checksum)
        {
            sb.Append(Charset[v]);
        }

        CryptographicOperations.ZeroMemory(values);
        return sb.ToString();
    }

    /// <summary>Decodes a Bech32 string into its lower-case human-readable part and data, or returns null.</summary>
    public static (string Hrp, byte[] Data)? Decode(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Decode(s.AsSpan());
    }

    /// <summary>
    /// As <see cref="Decode(string)"/> for ASCII held in bytes (a decrypted key file), so the secret never becomes a
    /// string (issue 14): the working copies are zeroed before returning.
    /// </summary>
    public static (string Hrp, byte[] Data)? Decode(ReadOnlySpan<byte> ascii)
    {
        if (ascii.Length > MaxLength)
        {
            return null;
        }

        var chars = new char[ascii.Length];
        try
        {
            for (int i = 0; i < ascii.Length; i++)
            {
                chars[i] = (char)ascii[i];
            }

            return Decode(chars.AsSpan());
        }
        finally
        {
            Array.Clear(chars);
        }
    }

    private static (string Hrp, byte[] Data)? Decode(ReadOnlySpan<char> text)
    {
        if (text.Length < 8 || text.Length > MaxLength)
        {
            return null;
        }

        bool lower = false, upper = false;
        foreach (char c in text)
        {
            if (c < 33 || c > 126)
            {
                return null;
            }

            lower |= c is >= 'a' and <= 'z';
            upper |= c is >= 'A' and <= 'Z';
        }

        if (lower && upper)
        {
            return null;
        }

        var s = new char[text.Length];
        var values = Array.Empty<byte>();
        try
        {
            text.ToLowerInvariant(s);
            int sep = s.AsSpan().LastIndexOf('1');
            if (sep < 1 || sep + 7 > s.Length)
            {
                return null;
            }

            string hrp = new(s, 0, sep);
            values = new byte[s.Length - sep - 1];
            for (int i = 0; i < values.Length; i++)
            {
                int v = Charset.IndexOf(s[sep + 1 + i]);
                if (v < 0)
                {
                    return null;
                }

                values[i] = (byte)v;
            }

            if (Polymod(HrpExpand(hrp).Concat(values)) != 1)
            {
                return null;
            }

            byte[]? data = ConvertBits(values.AsSpan(0, values.Length - 6), 5, 8, pad: false);
            return data is null ? null : (hrp, data);
        }
        finally
        {
            // s and values hold the (possibly secret) key as characters and in 5-bit groups.
            Array.Clear(s);
            CryptographicOperations.ZeroMemory(values);
        }
    }

    private static byte[] CreateChecksum(string hrp, byte[] values)
    {
        uint mod = Polymod(HrpExpand(hrp).Concat(values).Concat(new byte[6])) ^ 1;
        var result = new byte[6];
        for (int i = 0; i < 6; i++)
        {
            result[i] = (byte)((mod >> (5 * (5 - i))) & 31);
        }

        return result;
    }

    private static IEnumerable<byte> HrpExpand(string hrp)
    {
        foreach (char c in hrp)
        {
            yield return (byte)(c >> 5);
        }

        yield return 0;
        foreach (char c in hrp)
        {
            yield return (byte)(c & 31);
        }
    }

    private static uint Polymod(IEnumerable<byte> values)
    {
        uint chk = 1;
        foreach (byte v in values)
        {
            uint top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++)
            {
                if (((top >> i) & 1) != 0)
                {
                    chk ^= Generator[i];
                }
            }
        }

        return chk;
    }

    private static byte[]? ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad)
    {
        int acc = 0, bits = 0;
        int maxv = (1 << toBits) - 1;
        var result = new List<byte>(data.Length * fromBits / toBits + 1);
        foreach (byte value in data)
        {
            if (value >> fromBits != 0)
            {
                return null;
            }

            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((acc >> bits) & maxv));
            }

            acc &= (1 << bits) - 1;
        }

        if (pad)
        {
            if (bits > 0)
            {
                result.Add((byte)((acc << (toBits - bits)) & maxv));
            }
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0)
        {
            return null;
        }

        byte[] converted = [.. result];

        // The list's buffer is a second copy of the converted bytes.
        CryptographicOperations.ZeroMemory(CollectionsMarshal.AsSpan(result));
        return converted;
    }
}
