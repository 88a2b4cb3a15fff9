using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace WhistleSubmit.Crypto.Age.Primitives;

/// <summary>Spec "The scrypt recipient type": wrap key = scrypt(N = 2^logN, r = 8, p = 1, dkLen = 32, S = label || salt).</summary>
internal static class ScryptKdf
{
    public const int SaltSize = 16;
    public const int MaxLogN = 30;

    private static readonly byte[] Label = Encoding.ASCII.GetBytes("age-encryption.org/v1/scrypt");

    public static byte[] WrapKey(byte[] passphrase, ReadOnlySpan<byte> salt, int logN)
    {
        byte[] s = [.. Label, .. salt];
        return SCrypt.Generate(passphrase, s, 1 << logN, 8, 1, Aead.KeySize);
    }

    /// <summary>UTF-8 bytes of a passphrase, refusing null and empty (a programming mistake, not input).</summary>
    public static byte[] PassphraseBytes(string passphrase, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase, paramName);
        return Encoding.UTF8.GetBytes(passphrase);
    }

    /// <summary>A private copy of UTF-8 passphrase bytes, which the caller can then zero.</summary>
    public static byte[] PassphraseBytes(ReadOnlySpan<byte> passphrase, string paramName)
    {
        if (passphrase.IsEmpty)
        {
            throw new ArgumentException("The passphrase is empty.", paramName);
        }

        return passphrase.ToArray();
    }
}
