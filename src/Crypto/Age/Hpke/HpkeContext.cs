using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Age.Hpke;

/// <summary>
/// An HPKE encryption context (RFC 9180, section 5.2): the AEAD key, base nonce and sequence number.
/// age seals exactly once per context (sequence number 0); the counter exists so the published vectors, which seal
/// many messages per context, can be checked against the same code.
/// </summary>
internal sealed class HpkeContext : IDisposable
{
    private readonly byte[] key;
    private readonly byte[] baseNonce;
    private ulong sequence;

    public HpkeContext(byte[] key, byte[] baseNonce)
    {
        this.key = key;
        this.baseNonce = baseNonce;
    }

    /// <summary>RFC 9180, section 5.2: ContextS.Seal.</summary>
    public byte[] Seal(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        Span<byte> nonce = stackalloc byte[ChaCha20Poly1305Aead.NonceSize];
        ComputeNonce(nonce);
        byte[] ciphertext = ChaCha20Poly1305Aead.Seal(key, nonce, aad, plaintext);
        IncrementSeq();
        return ciphertext;
    }

    /// <summary>RFC 9180, section 5.2: ContextR.Open. Returns null when authentication fails.</summary>
    public byte[]? Open(ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext)
    {
        Span<byte> nonce = stackalloc byte[ChaCha20Poly1305Aead.NonceSize];
        ComputeNonce(nonce);
        byte[]? plaintext = ChaCha20Poly1305Aead.Open(key, nonce, aad, ciphertext);
        if (plaintext is not null)
        {
            IncrementSeq();
        }

        return plaintext;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(key);
        CryptographicOperations.ZeroMemory(baseNonce);
    }

    // ComputeNonce: base_nonce XOR I2OSP(seq, Nn).
    private void ComputeNonce(Span<byte> nonce)
    {
        baseNonce.CopyTo(nonce);
        Span<byte> seq = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(seq, sequence);
        for (int i = 0; i < seq.Length; i++)
        {
            nonce[nonce.Length - seq.Length + i] ^= seq[i];
        }
    }

    // IncrementSeq: a 64-bit counter cannot reach 2^96 - 1, but it must never wrap and reuse a nonce.
    private void IncrementSeq() => sequence = checked(sequence + 1);
}
