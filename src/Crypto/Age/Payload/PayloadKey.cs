using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>Spec "Payload": the STREAM constants, the payload key derivation and the chunk nonce.</summary>
internal static class PayloadKey
{
    public const int NonceSize = 16;
    public const int ChunkSize = 64 * 1024;
    public const int EncryptedChunkSize = ChunkSize + Primitives.Aead.TagSize;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("payload");

    /// <summary>payload key = HKDF-SHA-256(ikm = file key, salt = nonce, info = "payload").</summary>
    public static byte[] Derive(FileKey fileKey, ReadOnlySpan<byte> nonce)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey.Span, key, nonce, Info);
        return key;
    }

    /// <summary>
    /// Writes the 12-byte chunk nonce: 11-byte big-endian counter, then 0x01 for the final chunk. The counter is a
    /// ulong in the low 8 bytes; 2^64 chunks of 64 KiB cannot occur, and checked arithmetic stops it if it did.
    /// </summary>
    public static void ChunkNonce(ulong counter, bool last, Span<byte> nonce)
    {
        nonce[..3].Clear();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(nonce.Slice(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }
}
