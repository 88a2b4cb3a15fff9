using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Crypto.Age.Format;

/// <summary>Spec "Header MAC": HMAC-SHA-256 keyed with HKDF-SHA-256(ikm = file key, salt = empty, info = "header").</summary>
internal static class HeaderMac
{
    public const int Size = 32;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("header");

    public static byte[] Compute(FileKey fileKey, ReadOnlySpan<byte> macInput)
    {
        Span<byte> hmacKey = stackalloc byte[32];
        try
        {
            HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey.Span, hmacKey, ReadOnlySpan<byte>.Empty, Info);
            return HMACSHA256.HashData(hmacKey, macInput);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(hmacKey);
        }
    }

    /// <summary>Constant-time check of the header MAC.</summary>
    public static bool Verify(FileKey fileKey, Header header)
    {
        byte[] expected = Compute(fileKey, header.MacInput);
        return CryptographicOperations.FixedTimeEquals(expected, header.Mac);
    }
}
