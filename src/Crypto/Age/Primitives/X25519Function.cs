using System.Security.Cryptography;
using System.Text;
using Rfc7748 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace WhistleSubmit.Crypto.Age.Primitives;

/// <summary>Spec "The X25519 recipient type": the RFC 7748 function and the stanza's wrap-key derivation.</summary>
internal static class X25519Function
{
    public const int Size = 32;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("age-encryption.org/v1/X25519");

    /// <summary>X25519(scalar, basepoint).</summary>
    public static byte[] PublicKey(byte[] scalar)
    {
        var result = new byte[Size];
        Rfc7748.ScalarMultBase(scalar, 0, result, 0);
        return result;
    }

    /// <summary>X25519(scalar, point); false when the result is all zero (a low-order point), which must abort.</summary>
    public static bool TryAgree(byte[] scalar, byte[] point, byte[] shared) =>
        Rfc7748.CalculateAgreement(scalar, 0, point, 0, shared, 0);

    /// <summary>wrap key = HKDF-SHA-256(ikm = shared secret, salt = ephemeral share || recipient, info).</summary>
    public static byte[] WrapKey(byte[] shared, byte[] share, byte[] recipient)
    {
        byte[] salt = [.. share, .. recipient];
        var key = new byte[Aead.KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, key, salt, Info);
        return key;
    }
}
