using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace WhistleSubmit.Crypto.Age.Hpke;

/// <summary>
/// The MLKEM768-X25519 hybrid KEM, a.k.a. X-Wing (draft-ietf-hpke-pq-03 section 4; filippo.io/hpke-pq
/// "KEM functions"; draft-connolly-cfrg-xwing-kem sections 5.2–5.5). HPKE KEM identifier 0x647a.
/// </summary>
internal static class MlKem768X25519
{
    public const ushort KemId = 0x647a;

    public const int SeedSize = 32;         // Nsk
    public const int PublicKeySize = 1216;  // Npk = KEM.Nek + Group.Nelem
    public const int EncSize = 1120;        // Nenc = KEM.Nct + Group.Nelem
    public const int SharedSecretSize = 32; // Nsecret
    public const int EseedSize = 64;        // 32 bytes of ML-KEM.Encaps randomness || 32-byte X25519 ephemeral scalar

    internal const int MlKemPublicKeySize = 1184;
    internal const int MlKemCiphertextSize = 1088;
    private const int MlKemSeedSize = 64;   // d || z
    private const int X25519Size = 32;
    private const int Q = 3329;

    // The X-Wing label "\./" "/^\" (hex 5c2e2f2f5e5c), appended last in the combiner.
    private static readonly byte[] Label = [0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c];

    private static MLKemParameters Parameters => MLKemParameters.ml_kem_768;

    /// <summary>
    /// expandKey(seed): SHAKE256(seed, 96) gives the ML-KEM-768 seed d || z (64 bytes) then the X25519 scalar (32 bytes).
    /// </summary>
    public static MlKem768X25519PrivateKey ExpandKey(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException($"An MLKEM768-X25519 seed is {SeedSize} bytes.", nameof(seed));
        }

        var expanded = new byte[MlKemSeedSize + X25519Size];
        byte[] mlKemSeed = expanded[..MlKemSeedSize];
        try
        {
            var shake = new ShakeDigest(256);
            shake.BlockUpdate(seed);
            shake.OutputFinal(expanded);
            expanded.AsSpan(0, MlKemSeedSize).CopyTo(mlKemSeed);

            // ML-KEM.KeyGen_internal(d, z); BouncyCastle keeps the expanded decapsulation key alongside the seed.
            var mlKem = MLKemPrivateKeyParameters.FromSeed(Parameters, mlKemSeed);
            byte[] x25519Secret = expanded[MlKemSeedSize..];
            var publicKey = new byte[PublicKeySize];
            mlKem.GetPublicKeyEncoded().CopyTo(publicKey, 0);
            BcX25519.ScalarMultBase(x25519Secret, publicKey.AsSpan(MlKemPublicKeySize));
            return new MlKem768X25519PrivateKey(mlKem, x25519Secret, publicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded);
            CryptographicOperations.ZeroMemory(mlKemSeed);
        }
    }

    /// <summary>
    /// Checks a public key as encapsulation would: the ML-KEM part must pass the FIPS 203 section 7.2 modulus check
    /// (every 12-bit coefficient below q), and the X25519 part must not be a low-order point, which would make the
    /// X25519 shared secret all zeros.
    /// </summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize)
        {
            return false;
        }

        // ek_PQ = ByteEncode12(t_hat) (1,152 bytes) || rho (32 bytes); two coefficients per three bytes.
        ReadOnlySpan<byte> tHat = publicKey[..(MlKemPublicKeySize - 32)];
        for (int i = 0; i < tHat.Length; i += 3)
        {
            int c0 = tHat[i] | ((tHat[i + 1] & 0x0f) << 8);
            int c1 = (tHat[i + 1] >> 4) | (tHat[i + 2] << 4);
            if (c0 >= Q || c1 >= Q)
            {
                return false;
            }
        }

        // A clamped scalar is a multiple of the cofactor, so the product is zero exactly for low-order points.
        Span<byte> probe = stackalloc byte[X25519Size];
        probe.Fill(0x55);
        Span<byte> product = stackalloc byte[X25519Size];
        return BcX25519.CalculateAgreement(probe, publicKey[MlKemPublicKeySize..], product);
    }

    /// <summary>
    /// Encaps(ek) with explicit randomness (X-Wing EncapsulateDerand): eseed[0..32] is the ML-KEM.Encaps message m,
    /// eseed[32..64] the ephemeral X25519 scalar. Returns (ss, enc = ct_PQ || ct_T).
    /// </summary>
    public static (byte[] SharedSecret, byte[] Enc) Encap(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> eseed)
    {
        if (publicKey.Length != PublicKeySize)
        {
            throw new ArgumentException("Wrong MLKEM768-X25519 public key length.", nameof(publicKey));
        }

        if (eseed.Length != EseedSize)
        {
            throw new ArgumentException($"Encapsulation takes {EseedSize} bytes of randomness.", nameof(eseed));
        }

        ReadOnlySpan<byte> ekT = publicKey[MlKemPublicKeySize..];
        ReadOnlySpan<byte> skE = eseed[32..];
        var enc = new byte[EncSize];
        Span<byte> ctT = enc.AsSpan(MlKemCiphertextSize);
        Span<byte> ssPQ = stackalloc byte[SharedSecretSize];
        Span<byte> ssT = stackalloc byte[X25519Size];
        try
        {
            var ekPQ = MLKemPublicKeyParameters.FromEncoding(Parameters, publicKey[..MlKemPublicKeySize].ToArray());
            var encapsulator = new MLKemEncapsulator(Parameters);
            encapsulator.Init(new ParametersWithRandom(ekPQ, new SecureRandom(new FixedRandomGenerator(eseed[..32]))));
            encapsulator.Encapsulate(enc.AsSpan(0, MlKemCiphertextSize), ssPQ);

            BcX25519.ScalarMultBase(skE, ctT);
            if (!BcX25519.CalculateAgreement(skE, ekT, ssT))
            {
                // Only a low-order recipient key gets here, and parsing refuses those.
                throw new CryptographicException("The recipient's X25519 key is invalid.");
            }

            return (Combine(ssPQ, ssT, ctT, ekT), enc);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ssPQ);
            CryptographicOperations.ZeroMemory(ssT);
        }
    }

    /// <summary>
    /// Decaps(dk, enc). Returns null on an HPKE DecapError: the X25519 share is low order, so the shared secret would
    /// be all zeros (the check Go's crypto/ecdh makes, and the CCTV hybrid_low_order vector expects). A wrong ML-KEM
    /// ciphertext is not an error here: ML-KEM rejects implicitly and the AEAD fails later.
    /// </summary>
    public static byte[]? Decap(ReadOnlySpan<byte> enc, MlKem768X25519PrivateKey key)
    {
        if (enc.Length != EncSize)
        {
            throw new ArgumentException("Wrong MLKEM768-X25519 encapsulation length.", nameof(enc));
        }

        ReadOnlySpan<byte> ctT = enc[MlKemCiphertextSize..];
        Span<byte> ssPQ = stackalloc byte[SharedSecretSize];
        Span<byte> ssT = stackalloc byte[X25519Size];
        try
        {
            var decapsulator = new MLKemDecapsulator(Parameters);
            decapsulator.Init(key.MlKem);
            decapsulator.Decapsulate(enc[..MlKemCiphertextSize], ssPQ);

            if (!BcX25519.CalculateAgreement(key.X25519Secret, ctT, ssT))
            {
                return null;
            }

            return Combine(ssPQ, ssT, ctT, key.X25519PublicKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ssPQ);
            CryptographicOperations.ZeroMemory(ssT);
        }
    }

    // ss = SHA3-256(ss_PQ || ss_T || ct_T || ek_T || Label).
    private static byte[] Combine(ReadOnlySpan<byte> ssPQ, ReadOnlySpan<byte> ssT, ReadOnlySpan<byte> ctT, ReadOnlySpan<byte> ekT)
    {
        var sha3 = new Sha3Digest(256);
        sha3.BlockUpdate(ssPQ);
        sha3.BlockUpdate(ssT);
        sha3.BlockUpdate(ctT);
        sha3.BlockUpdate(ekT);
        sha3.BlockUpdate(Label);
        var ss = new byte[SharedSecretSize];
        sha3.DoFinal(ss);
        return ss;
    }
}
