using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using BcChaCha20Poly1305 = Org.BouncyCastle.Crypto.Modes.ChaCha20Poly1305;

namespace WhistleSubmit.Crypto.Age.Hpke;

/// <summary>
/// The HPKE AEAD 0x0003, ChaCha20Poly1305 (RFC 9180, section 7.3; RFC 8439). Uses the platform implementation
/// where the OS provides one and BouncyCastle otherwise; both produce identical bytes.
/// </summary>
internal static class ChaCha20Poly1305Aead
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>Tests flip this to run the BouncyCastle path on a machine that has the platform one.</summary>
    internal static bool ForceBouncyCastle { get; set; }

    private static bool UsePlatform => !ForceBouncyCastle && ChaCha20Poly1305.IsSupported;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[plaintext.Length + TagSize];
        if (UsePlatform)
        {
            using var aead = new ChaCha20Poly1305(key);
            aead.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), aad);
            return output;
        }

        var cipher = CreateBouncyCastle(forEncryption: true, key, nonce, aad);
        int n = cipher.ProcessBytes(plaintext, output);
        cipher.DoFinal(output.AsSpan(n));
        return output;
    }

    /// <summary>Decrypts and authenticates, or returns null: a failed open is an ordinary outcome, not an error.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < TagSize)
        {
            return null;
        }

        var plaintext = new byte[ciphertext.Length - TagSize];
        if (UsePlatform)
        {
            using var aead = new ChaCha20Poly1305(key);
            try
            {
                aead.Decrypt(nonce, ciphertext[..plaintext.Length], ciphertext[plaintext.Length..], plaintext, aad);
                return plaintext;
            }
            catch (AuthenticationTagMismatchException)
            {
                return null;
            }
        }

        var cipher = CreateBouncyCastle(forEncryption: false, key, nonce, aad);
        try
        {
            int n = cipher.ProcessBytes(ciphertext, plaintext);
            cipher.DoFinal(plaintext.AsSpan(n));
            return plaintext;
        }
        catch (InvalidCipherTextException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return null;
        }
    }

    private static BcChaCha20Poly1305 CreateBouncyCastle(bool forEncryption, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> aad)
    {
        var cipher = new BcChaCha20Poly1305();
        cipher.Init(forEncryption, new AeadParameters(new KeyParameter(key), TagSize * 8, nonce.ToArray()));
        cipher.ProcessAadBytes(aad);
        return cipher;
    }
}
