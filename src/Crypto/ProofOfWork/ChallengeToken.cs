using System.Buffers.Binary;
using System.Buffers.Text;

namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// The wire form of a challenge: 66 bytes, base64url without padding (exactly 88 characters, so there is one
/// encoding per token). Layout: version (1) | id (16) | issued-at Unix seconds (8, big-endian) |
/// expires-at Unix seconds (8, big-endian) | difficulty bits (1) | HMAC-SHA256 over the first 34 bytes (32).
/// </summary>
public static class ChallengeToken
{
    /// <summary>The length of every token in characters.</summary>
    public const int Length = 88;

    internal const int ByteLength = 66;
    internal const int SignedLength = 34;
    internal const byte Version = 1;

    /// <summary>
    /// Reads the fields of a token without checking its signature (a client may do this to learn the difficulty;
    /// only <see cref="ProofOfWorkAuthority.Verify"/> decides whether a token is genuine).
    /// </summary>
    /// <exception cref="ProofOfWorkException">The token is not in canonical form or its fields are out of range.</exception>
    public static ProofOfWorkChallenge Parse(string token)
    {
        byte[] bytes = Decode(token) ?? throw new ProofOfWorkException("The challenge token is malformed.");
        return ReadFields(bytes) ?? throw new ProofOfWorkException("The challenge token is malformed.");
    }

    internal static byte[] Encode(ProofOfWorkChallenge challenge, ReadOnlySpan<byte> mac)
    {
        var bytes = new byte[ByteLength];
        WriteSignedPart(challenge, bytes);
        mac.CopyTo(bytes.AsSpan(SignedLength));
        return bytes;
    }

    internal static void WriteSignedPart(ProofOfWorkChallenge challenge, Span<byte> destination)
    {
        destination[0] = Version;
        Convert.FromHexString(challenge.Id).CopyTo(destination[1..17]);
        BinaryPrimitives.WriteInt64BigEndian(destination[17..25], challenge.IssuedAt.ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt64BigEndian(destination[25..33], challenge.ExpiresAt.ToUnixTimeSeconds());
        destination[33] = checked((byte)challenge.DifficultyBits);
    }

    internal static string ToText(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    /// <summary>Decodes exactly 88 base64url characters into 66 bytes, or returns null.</summary>
    internal static byte[]? Decode(string? token)
    {
        // The alphabet is checked by hand because the BCL decoder skips whitespace; 66 bytes is a multiple of three,
        // so there are no spare bits and the length check alone makes the encoding canonical.
        if (token is null || token.Length != Length || !token.All(IsBase64UrlChar))
        {
            return null;
        }

        var bytes = new byte[ByteLength];
        return Base64Url.TryDecodeFromChars(token, bytes, out int written) && written == ByteLength ? bytes : null;
    }

    /// <summary>Reads and range-checks the signed fields, or returns null.</summary>
    internal static ProofOfWorkChallenge? ReadFields(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength || bytes[0] != Version)
        {
            return null;
        }

        long issued = BinaryPrimitives.ReadInt64BigEndian(bytes[17..25]);
        long expires = BinaryPrimitives.ReadInt64BigEndian(bytes[25..33]);
        int bits = bytes[33];
        bool inRange = issued is >= 0 and < 253402300800 // DateTimeOffset's upper bound (year 9999)
            && expires > issued
            && expires - issued <= (long)ProofOfWorkChallenge.MaxLifetime.TotalSeconds
            && bits is >= 1 and <= ProofOfWorkChallenge.MaxDifficultyBits;
        if (!inRange)
        {
            return null;
        }

        return new ProofOfWorkChallenge(
            Convert.ToHexStringLower(bytes[1..17]),
            DateTimeOffset.FromUnixTimeSeconds(issued),
            DateTimeOffset.FromUnixTimeSeconds(expires),
            bits);
    }

    private static bool IsBase64UrlChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
