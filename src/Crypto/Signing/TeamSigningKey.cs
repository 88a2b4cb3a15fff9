using System.Diagnostics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace WhistleSubmit.Crypto.Signing;

/// <summary>
/// The reviewers' team signing key (protocol v2): an Ed25519 seed and an ML-DSA-65 seed ξ, 32 bytes each. Key
/// generation from the seeds is deterministic (RFC 8032; FIPS 204 ML-DSA.KeyGen_internal), so the secret text
/// <c>WHISTLESUBMIT-TEAM-SECRET-V2:</c> + base64url(seed ‖ ξ) is the whole key. It is only ever stored inside an age
/// file in the vault. Our copies of the seeds are zeroed on dispose (BouncyCastle keeps its own, which we cannot reach).
/// </summary>
[DebuggerDisplay("TeamSigningKey")]
public sealed class TeamSigningKey : IDisposable
{
    /// <summary>The secret text's prefix.</summary>
    public const string SecretPrefix = "WHISTLESUBMIT-TEAM-SECRET-V2:";

    /// <summary>Length of each seed.</summary>
    public const int SeedLength = 32;

    // Prefix plus ceil(64 * 4 / 3) characters.
    private const int SecretTextLength = 29 + 86;

    private readonly byte[] ed25519Seed;
    private readonly byte[] mlDsaSeed;
    private readonly Ed25519PrivateKeyParameters ed25519;
    private readonly MLDsaPrivateKeyParameters mlDsa;
    private readonly TeamPublicKey publicKey;
    private bool disposed;

    private TeamSigningKey(ReadOnlySpan<byte> ed25519Seed, ReadOnlySpan<byte> mlDsaSeed)
    {
        this.ed25519Seed = ed25519Seed.ToArray();
        this.mlDsaSeed = mlDsaSeed.ToArray();
        ed25519 = new Ed25519PrivateKeyParameters(this.ed25519Seed, 0);
        mlDsa = MLDsaPrivateKeyParameters.FromSeed(MLDsaParameters.ml_dsa_65, this.mlDsaSeed);
        var p = new byte[TeamPublicKey.Length];
        ed25519.GeneratePublicKey().Encode(p, 0);
        mlDsa.GetPublicKeyEncoded().CopyTo(p, TeamPublicKey.Ed25519Length);
        publicKey = new TeamPublicKey(p);
    }

    /// <summary>The matching public key.</summary>
    public TeamPublicKey PublicKey
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return publicKey;
        }
    }

    /// <summary>The secret text, <c>WHISTLESUBMIT-TEAM-SECRET-V2:…</c>. Write it only into an encrypted file.</summary>
    public string SecretText
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            var both = new byte[2 * SeedLength];
            try
            {
                ed25519Seed.CopyTo(both, 0);
                mlDsaSeed.CopyTo(both, SeedLength);
                return SecretPrefix + Base64UrlCanonical.Encode(both);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(both);
            }
        }
    }

    /// <summary>Generates a new key from the CSPRNG.</summary>
    public static TeamSigningKey Generate()
    {
        byte[] fresh = RandomNumberGenerator.GetBytes(2 * SeedLength);
        try
        {
            return new TeamSigningKey(fresh.AsSpan(0, SeedLength), fresh.AsSpan(SeedLength));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
        }
    }

    /// <summary>The key for two 32-byte seeds (Ed25519, then ML-DSA-65 ξ). Deterministic: the test vectors pin it.</summary>
    /// <exception cref="ArgumentException">A seed is not 32 bytes.</exception>
    public static TeamSigningKey FromSeeds(ReadOnlySpan<byte> ed25519Seed, ReadOnlySpan<byte> mlDsaSeed)
    {
        if (ed25519Seed.Length != SeedLength || mlDsaSeed.Length != SeedLength)
        {
            throw new ArgumentException($"Each team key seed is {SeedLength} bytes.");
        }

        return new TeamSigningKey(ed25519Seed, mlDsaSeed);
    }

    /// <summary>Parses the secret text. Throws <see cref="FormatException"/> (with a generic message) if it is not one.</summary>
    public static TeamSigningKey FromSecretText(string secretText)
    {
        ArgumentNullException.ThrowIfNull(secretText);
        return FromDecoded(secretText.Length == SecretTextLength && secretText.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? Base64UrlCanonical.Decode(secretText.AsSpan(SecretPrefix.Length))
            : null);
    }

    /// <summary>
    /// As <see cref="FromSecretText(string)"/> for the secret text as ASCII bytes (a line of the decrypted team.age), so
    /// it never becomes a string (issue 14); the working copy is zeroed, the caller zeroes its bytes.
    /// </summary>
    public static TeamSigningKey FromSecretTextAscii(ReadOnlySpan<byte> secretTextAscii)
    {
        if (secretTextAscii.Length != SecretTextLength || !secretTextAscii.StartsWith(System.Text.Encoding.ASCII.GetBytes(SecretPrefix)))
        {
            throw new FormatException("Malformed team secret key.");
        }

        var chars = new char[secretTextAscii.Length - SecretPrefix.Length];
        try
        {
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)secretTextAscii[SecretPrefix.Length + i];
            }

            return FromDecoded(Base64UrlCanonical.Decode(chars.AsSpan()));
        }
        finally
        {
            Array.Clear(chars);
        }
    }

    private static TeamSigningKey FromDecoded(byte[]? both)
    {
        try
        {
            if (both is not { Length: 2 * SeedLength })
            {
                throw new FormatException("Malformed team secret key.");
            }

            return new TeamSigningKey(both.AsSpan(0, SeedLength), both.AsSpan(SeedLength));
        }
        finally
        {
            if (both is not null)
            {
                CryptographicOperations.ZeroMemory(both);
            }
        }
    }

    /// <summary>
    /// Signs <paramref name="payload"/> as <paramref name="type"/>: Ed25519 (pure, RFC 8032) ‖ hedged ML-DSA-65 with
    /// an empty context, both over M' (see <see cref="TeamPublicKey.SigningInput"/>). 3,373 bytes.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not <c>[a-z0-9-]{1,64}</c>.</exception>
    public byte[] Sign(string type, ReadOnlySpan<byte> payload) => Sign(type, payload, deterministic: false);

    /// <summary>
    /// As <see cref="Sign(string, ReadOnlySpan{byte})"/> with deterministic ML-DSA-65 (FIPS 204 rnd = 0), so that the
    /// same payload always gives the same bytes: for published releases, which must be reproducible from the vault.
    /// FIPS 204 allows it; hedging guards against fault and side-channel attacks on the signing machine, which for
    /// the air-gapped console are not in the threat model of a public, reproducible release.
    /// </summary>
    public byte[] SignReproducibly(string type, ReadOnlySpan<byte> payload) => Sign(type, payload, deterministic: true);

    /// <summary>As <see cref="Sign(string, ReadOnlySpan{byte})"/> with deterministic ML-DSA (FIPS 204 rnd = 0) when asked.</summary>
    internal byte[] Sign(string type, ReadOnlySpan<byte> payload, bool deterministic)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        byte[] message = TeamPublicKey.SigningInput(type, payload);

        var edSigner = new Ed25519Signer();
        edSigner.Init(true, ed25519);
        edSigner.BlockUpdate(message);
        byte[] ed = edSigner.GenerateSignature();

        var mlSigner = new MLDsaSigner(MLDsaParameters.ml_dsa_65, deterministic);
        mlSigner.Init(true, mlDsa);
        mlSigner.BlockUpdate(message);
        byte[] ml = mlSigner.GenerateSignature();

        if (ed.Length != TeamPublicKey.Ed25519SignatureLength || ml.Length != TeamPublicKey.MlDsaSignatureLength)
        {
            throw new InvalidOperationException("A signature half has an unexpected length.");
        }

        return [.. ed, .. ml];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            CryptographicOperations.ZeroMemory(ed25519Seed);
            CryptographicOperations.ZeroMemory(mlDsaSeed);

            // BouncyCastle's key objects keep their own copies (the Ed25519 seed; ML-DSA's ρ, K, tr, s1, s2, t0, t1, seed).
            Memory.LibraryKeyWipe.Wipe(ed25519);
            Memory.LibraryKeyWipe.Wipe(mlDsa);
        }
    }
}
