using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Crypto.Age.Hpke;

/// <summary>
/// HPKE base mode (RFC 9180, sections 4, 5.1 and 6.1) for the one suite age uses:
/// KEM MLKEM768-X25519 (0x647a, draft-ietf-hpke-pq-03 section 4), KDF HKDF-SHA256 (0x0001),
/// AEAD ChaCha20Poly1305 (0x0003). Function names follow the RFC.
/// </summary>
internal static class Hpke
{
    public const ushort KemId = MlKem768X25519.KemId;
    public const ushort KdfId = 0x0001;
    public const ushort AeadId = 0x0003;

    private const byte ModeBase = 0x00;
    private const int Nh = 32;

    private static readonly byte[] VersionLabel = "HPKE-v1"u8.ToArray();

    // suite_id = concat("HPKE", I2OSP(kem_id, 2), I2OSP(kdf_id, 2), I2OSP(aead_id, 2)) (section 5.1).
    private static readonly byte[] SuiteId = BuildSuiteId();

    /// <summary>Section 6.1: SealBase, with the KEM's encapsulation randomness supplied by the caller.</summary>
    public static (byte[] Enc, byte[] Ciphertext) SealBase(
        ReadOnlySpan<byte> pkR, ReadOnlySpan<byte> eseed, ReadOnlySpan<byte> info, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> plaintext)
    {
        (byte[] enc, HpkeContext context) = SetupBaseS(pkR, eseed, info);
        using (context)
        {
            return (enc, context.Seal(aad, plaintext));
        }
    }

    /// <summary>Section 5.1.1: SetupBaseS.</summary>
    public static (byte[] Enc, HpkeContext Context) SetupBaseS(ReadOnlySpan<byte> pkR, ReadOnlySpan<byte> eseed, ReadOnlySpan<byte> info)
    {
        (byte[] sharedSecret, byte[] enc) = MlKem768X25519.Encap(pkR, eseed);
        try
        {
            return (enc, KeySchedule(sharedSecret, info));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }

    /// <summary>
    /// Section 5.1.1: SetupBaseR. Returns null on a DecapError (a low-order X25519 share), which age treats as a
    /// malformed stanza rather than a stanza for someone else.
    /// </summary>
    public static HpkeContext? SetupBaseR(ReadOnlySpan<byte> enc, MlKem768X25519PrivateKey skR, ReadOnlySpan<byte> info)
    {
        byte[]? sharedSecret = MlKem768X25519.Decap(enc, skR);
        if (sharedSecret is null)
        {
            return null;
        }

        try
        {
            return KeySchedule(sharedSecret, info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(sharedSecret);
        }
    }

    /// <summary>Section 5.1: KeySchedule for mode_base (empty psk and psk_id). The exporter secret is not derived: age never exports.</summary>
    internal static HpkeContext KeySchedule(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> info)
    {
        byte[] pskIdHash = LabeledExtract([], "psk_id_hash"u8, []);
        byte[] infoHash = LabeledExtract([], "info_hash"u8, info);
        byte[] context = [ModeBase, .. pskIdHash, .. infoHash];

        byte[] secret = LabeledExtract(sharedSecret, "secret"u8, []);
        try
        {
            byte[] key = LabeledExpand(secret, "key"u8, context, ChaCha20Poly1305Aead.KeySize);
            byte[] baseNonce = LabeledExpand(secret, "base_nonce"u8, context, ChaCha20Poly1305Aead.NonceSize);
            return new HpkeContext(key, baseNonce);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Section 4: LabeledExtract(salt, label, ikm) = Extract(salt, "HPKE-v1" || suite_id || label || ikm).</summary>
    internal static byte[] LabeledExtract(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> label, ReadOnlySpan<byte> ikm)
    {
        byte[] labeledIkm = [.. VersionLabel, .. SuiteId, .. label, .. ikm];
        try
        {
            // The span overload: the salt is the KEM shared secret in KeySchedule, so no copy of it may be left behind.
            var prk = new byte[Nh];
            HKDF.Extract(HashAlgorithmName.SHA256, labeledIkm, salt, prk);
            return prk;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(labeledIkm);
        }
    }

    /// <summary>Section 4: LabeledExpand(prk, label, info, L) = Expand(prk, I2OSP(L, 2) || "HPKE-v1" || suite_id || label || info, L).</summary>
    internal static byte[] LabeledExpand(ReadOnlySpan<byte> prk, ReadOnlySpan<byte> label, ReadOnlySpan<byte> info, int length)
    {
        if (length is <= 0 or > 255 * Nh)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        Span<byte> l = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(l, checked((ushort)length));
        byte[] labeledInfo = [.. l, .. VersionLabel, .. SuiteId, .. label, .. info];
        var output = new byte[length];
        HKDF.Expand(HashAlgorithmName.SHA256, prk, output, labeledInfo);
        return output;
    }

    private static byte[] BuildSuiteId()
    {
        var id = new byte[10];
        Encoding.ASCII.GetBytes("HPKE", id);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(4), KemId);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(6), KdfId);
        BinaryPrimitives.WriteUInt16BigEndian(id.AsSpan(8), AeadId);
        return id;
    }
}
