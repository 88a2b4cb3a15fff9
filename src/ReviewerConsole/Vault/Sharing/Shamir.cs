using System.Security.Cryptography;

namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>
/// Shamir's secret sharing over GF(2^8) with the AES polynomial x^8 + x^4 + x^3 + x + 1, byte by byte: share x holds
/// f(x) for a random polynomial f of degree k − 1 per byte with f(0) the secret byte (docs/CONSOLE.md#shared-vault).
/// Written here rather than taken from NuGet: no maintained GF(256) implementation is among the packages we may use
/// (the one on offer works over a prime field with BigInteger, whose arithmetic is not constant-time), and the scheme
/// is forty lines checked by fixed vectors computed with independent table-based code. Multiplication is a
/// branch-free shift-and-add loop, not log/exp tables, so no secret byte indexes memory.
/// </summary>
internal static class Shamir
{
    public const int MaxShares = 255;

    /// <summary>Splits <paramref name="secret"/> into <paramref name="shares"/> shares, any <paramref name="threshold"/> of which rebuild it.</summary>
    /// <returns>Share i (0-based) is the point x = i + 1; the caller zeroes the arrays.</returns>
    public static byte[][] Split(ReadOnlySpan<byte> secret, int shares, int threshold) =>
        Split(secret, shares, threshold, RandomNumberGenerator.Fill);

    /// <summary>As <see cref="Split(ReadOnlySpan{byte}, int, int)"/> with the coefficients from <paramref name="random"/> (tests give fixed ones).</summary>
    internal static byte[][] Split(ReadOnlySpan<byte> secret, int shares, int threshold, SpanAction random)
    {
        if (threshold < 2 || shares < threshold || shares > MaxShares)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "need 2 ≤ threshold ≤ shares ≤ 255");
        }

        if (secret.IsEmpty)
        {
            throw new ArgumentException("nothing to split", nameof(secret));
        }

        byte[][] result = new byte[shares][];
        for (int i = 0; i < shares; i++)
        {
            result[i] = new byte[secret.Length];
        }

        // coefficients[0] is the secret byte, the others random: one polynomial per secret byte.
        byte[] coefficients = new byte[threshold];
        try
        {
            for (int b = 0; b < secret.Length; b++)
            {
                coefficients[0] = secret[b];
                random(coefficients.AsSpan(1));
                for (int i = 0; i < shares; i++)
                {
                    result[i][b] = Evaluate(coefficients, (byte)(i + 1));
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(coefficients);
        }

        return result;
    }

    /// <summary>
    /// Rebuilds f(0) from distinct points by Lagrange interpolation. With fewer than the threshold's points it returns
    /// a value unrelated to the secret (every secret is equally likely): the caller checks the result with the key check.
    /// </summary>
    public static byte[] Combine(IReadOnlyList<(byte X, byte[] Y)> points)
    {
        if (points.Count < 1)
        {
            throw new ArgumentException("no shares", nameof(points));
        }

        int length = points[0].Y.Length;
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].X == 0 || points[i].Y.Length != length)
            {
                throw new ArgumentException("a share has x = 0 or another length", nameof(points));
            }

            for (int j = 0; j < i; j++)
            {
                if (points[j].X == points[i].X)
                {
                    throw new ArgumentException("two shares have the same x", nameof(points));
                }
            }
        }

        byte[] secret = new byte[length];
        for (int i = 0; i < points.Count; i++)
        {
            // The Lagrange basis polynomial for point i at 0: the product of x_j / (x_j − x_i); − is ⊕ in GF(2^8).
            byte basis = 1;
            for (int j = 0; j < points.Count; j++)
            {
                if (j != i)
                {
                    basis = Multiply(basis, Multiply(points[j].X, Inverse((byte)(points[j].X ^ points[i].X))));
                }
            }

            for (int b = 0; b < length; b++)
            {
                secret[b] ^= Multiply(points[i].Y[b], basis);
            }
        }

        return secret;
    }

    internal delegate void SpanAction(Span<byte> buffer);

    /// <summary>Horner's rule: coefficients[0] + x·(coefficients[1] + x·(…)).</summary>
    private static byte Evaluate(ReadOnlySpan<byte> coefficients, byte x)
    {
        byte value = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            value = (byte)(Multiply(value, x) ^ coefficients[i]);
        }

        return value;
    }

    internal static byte Multiply(byte a, byte b)
    {
        int product = 0;
        int left = a;
        for (int bit = 0; bit < 8; bit++)
        {
            // -(b >> bit & 1) is all ones when the bit is set: add without a branch.
            product ^= left & -((b >> bit) & 1);
            // Times x, reduced by the polynomial (0x11B) when the top bit falls out, again without a branch.
            left = ((left << 1) ^ (0x11B & -((left >> 7) & 1))) & 0xFF;
        }

        return (byte)product;
    }

    /// <summary>a^254 = a^-1 in GF(2^8) (and 0 for 0, which Combine never asks for).</summary>
    internal static byte Inverse(byte a)
    {
        byte result = 1;
        byte power = a;
        // 254 = 0b11111110: square-and-multiply over a fixed exponent, so the work does not depend on a.
        for (int bit = 1; bit < 8; bit++)
        {
            power = Multiply(power, power);
            result = Multiply(result, power);
        }

        return result;
    }
}
