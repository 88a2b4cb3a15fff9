using System.Security.Cryptography;

namespace WhistleSubmit.ReviewerConsole.Vault.Sharing;

/// <summary>
/// The random secret of a shared vault (the master key that Argon2id of the passphrase is in a single-passphrase
/// vault), and the key-file passphrase derived from it: reviewer key files and team.age of a shared vault are age
/// files under this text, so plain <c>age -d</c> still opens them once k holders have had
/// <c>whistle-review emergency-passphrase</c> print it (docs/FORMATS.md#emergency-procedure).
/// </summary>
internal static class VaultSecret
{
    public const int Size = 32;

    /// <summary>scrypt's work factor for key files of a shared vault: age's default, since the passphrase is 256 random bits.</summary>
    public const int KeyFileWorkFactor = 18;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly byte[] KeyFileInfo = "whistle-review/v2/key-file-passphrase"u8.ToArray();

    /// <summary>
    /// The key-file passphrase as ASCII bytes: HKDF-SHA256 of the secret, in lower-case base32 (RFC 4648, no padding),
    /// 52 letters and digits in groups of four joined by '-' (64 characters), easy to read out and type.
    /// The caller zeroes it.
    /// </summary>
    public static byte[] KeyFilePassphrase(ReadOnlySpan<byte> secret)
    {
        Span<byte> key = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, [], KeyFileInfo);
        const int letters = 52;
        byte[] text = new byte[letters + (letters / 4) - 1];
        int written = 0;
        for (int i = 0; i < letters; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                text[written++] = (byte)'-';
            }

            // Bits 5i … 5i+4 of the key, most significant first; the last letter is padded with zero bits.
            int bit = i * 5;
            int pair = (key[bit / 8] << 8) | (bit / 8 + 1 < key.Length ? key[bit / 8 + 1] : 0);
            text[written++] = (byte)Alphabet[(pair >> (11 - bit % 8)) & 31];
        }

        CryptographicOperations.ZeroMemory(key);
        return text;
    }
}
