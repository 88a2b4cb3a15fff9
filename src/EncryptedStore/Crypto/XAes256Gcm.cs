using System.Security.Cryptography;

namespace WhistleSubmit.EncryptedStore.Crypto;

/// <summary>
/// XAES-256-GCM (C2SP, https://c2sp.org/XAES-256-GCM): AES-256-GCM under a subkey derived from the key and the first
/// 96 bits of a 192-bit nonce, so nonces can be drawn at random for ~2^80 messages under one key. We need that because
/// a store rewrites the same pages millions of times under one key, where random 96-bit GCM nonces are not enough.
/// </summary>
internal sealed class XAes256Gcm : IDisposable
{
    public const int KeySize = 32;
    public const int NonceSize = 24;
    public const int TagSize = 16;

    private readonly Aes aes;
    private readonly ICryptoTransform ecb;
    private readonly byte[] k1 = new byte[16];
    private readonly byte[] block = new byte[32];
    private readonly byte[] derived = new byte[32];
    private readonly Lock sync = new();
    private bool disposed;

    public XAes256Gcm(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException("XAES-256-GCM needs a 32-byte key.", nameof(key));
        }

        aes = Aes.Create();
        var keyCopy = key.ToArray();
        try
        {
            aes.Key = keyCopy;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyCopy);
        }

        // "Detailed key derivation algorithm", steps 1-2: the CMAC subkey K1, computed once per key.
        Span<byte> l = stackalloc byte[16];
        aes.EncryptEcb(stackalloc byte[16], l, PaddingMode.None);
        var carry = 0;
        for (var i = 15; i >= 0; i--)
        {
            var b = l[i];
            k1[i] = unchecked((byte)((b << 1) | carry));
            carry = b >> 7;
        }

        if (carry != 0)
        {
            k1[15] ^= 0x87;
        }

        CryptographicOperations.ZeroMemory(l);

        // One reusable ECB transform for the per-message derivation (the one-shot API builds a cipher each call).
        aes.Mode = CipherMode.ECB;
        aes.Padding = PaddingMode.None;
        ecb = aes.CreateEncryptor();
    }

    public void Encrypt(
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag,
        ReadOnlySpan<byte> associatedData)
    {
        using var gcm = CreateGcm(nonce);
        gcm.Encrypt(nonce[12..], plaintext, ciphertext, tag, associatedData);
    }

    /// <summary>Returns false when the tag does not authenticate (wrong key, tampering, torn write).</summary>
    public bool TryDecrypt(
        ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext,
        ReadOnlySpan<byte> associatedData)
    {
        using var gcm = CreateGcm(nonce);
        try
        {
            gcm.Decrypt(nonce[12..], ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            return false;
        }
    }

    public void Dispose()
    {
        lock (sync)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            CryptographicOperations.ZeroMemory(k1);
            ecb.Dispose();
            aes.Dispose();
        }
    }

    private static void CheckNonce(ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException("XAES-256-GCM needs a 24-byte nonce.", nameof(nonce));
        }
    }

    // AES-256-GCM under this nonce's subkey; the subkey is wiped as soon as the cipher holds its own copy.
    private AesGcm CreateGcm(ReadOnlySpan<byte> nonce)
    {
        CheckNonce(nonce);
        Span<byte> subkey = stackalloc byte[32];
        try
        {
            DeriveSubkey(nonce, subkey);
            return new AesGcm(subkey, TagSize);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(subkey);
        }
    }

    // Steps 3-5: Kx = AES(M1 ^ K1) || AES(M2 ^ K1), Mi = 0x00 || i || 'X' || 0x00 || N[:12].
    private void DeriveSubkey(ReadOnlySpan<byte> nonce, Span<byte> subkey)
    {
        lock (sync)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            for (var half = 0; half < 2; half++)
            {
                var block = this.block.AsSpan(half * 16, 16);
                block[0] = 0x00;
                block[1] = unchecked((byte)(half + 1));
                block[2] = 0x58;
                block[3] = 0x00;
                nonce[..12].CopyTo(block[4..]);
                for (var i = 0; i < 16; i++)
                {
                    block[i] ^= k1[i];
                }
            }

            ecb.TransformBlock(block, 0, 32, derived, 0);
            derived.CopyTo(subkey);
            CryptographicOperations.ZeroMemory(derived);
            CryptographicOperations.ZeroMemory(block);
        }
    }
}
