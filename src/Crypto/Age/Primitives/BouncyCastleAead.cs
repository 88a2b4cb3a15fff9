using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using BcChaCha20Poly1305 = Org.BouncyCastle.Crypto.Modes.ChaCha20Poly1305;

namespace WhistleSubmit.Crypto.Age.Primitives;

/// <summary>
/// BouncyCastle ChaCha20-Poly1305 (spec "Conventions": RFC 7539) for platforms without one. BouncyCastle needs a
/// small parameter object per message; that is the only per-chunk allocation on this path.
/// </summary>
internal sealed class BouncyCastleAead : Aead
{
    private readonly byte[] key;
    private readonly byte[] nonceBuffer = new byte[NonceSize];
    private readonly BcChaCha20Poly1305 cipher = new();

    public BouncyCastleAead(ReadOnlySpan<byte> key) => this.key = key.ToArray();

    public override void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        Init(forEncryption: true, nonce);
        int n = cipher.ProcessBytes(plaintext, output);
        cipher.DoFinal(output[n..]);
    }

    public override bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, Span<byte> plaintext)
    {
        int length = input.Length - TagSize;
        Init(forEncryption: false, nonce);
        try
        {
            int n = cipher.ProcessBytes(input, plaintext);
            cipher.DoFinal(plaintext[n..]);
            return true;
        }
        catch (InvalidCipherTextException)
        {
            // BouncyCastle writes plaintext before it checks the tag: wipe it.
            CryptographicOperations.ZeroMemory(plaintext[..length]);
            cipher.Reset();
            return false;
        }
    }

    public override void Dispose() => CryptographicOperations.ZeroMemory(key);

    private void Init(bool forEncryption, ReadOnlySpan<byte> nonce)
    {
        nonce.CopyTo(nonceBuffer);

        // A fresh KeyParameter each time: BouncyCastle refuses to re-init encryption with the same key and nonce
        // object otherwise, and our nonces never repeat under one key anyway.
        cipher.Init(forEncryption, new ParametersWithIV(new KeyParameter(key), nonceBuffer));
    }
}
