using System.Diagnostics;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Hpke;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// A post-quantum age identity (spec: "The MLKEM768-X25519 (i.e. X-Wing) hybrid post-quantum recipient type"):
/// a 32-byte seed, encoded as upper-case Bech32 with HRP <c>AGE-SECRET-KEY-PQ-</c>. The expanded ML-KEM key is
/// computed once here and reused for every stanza. Zeroed on dispose; prints nothing secret.
/// </summary>
[DebuggerDisplay("MlKem768X25519Identity")]
public sealed class MlKem768X25519Identity : IIdentity, IDisposable
{
    internal const int SeedLength = MlKem768X25519.SeedSize;

    private const string Hrp = "age-secret-key-pq-";

    private readonly byte[] seed;
    private readonly MlKem768X25519PrivateKey key;
    private readonly MlKem768X25519Recipient recipient;
    private bool disposed;

    private MlKem768X25519Identity(ReadOnlySpan<byte> seed)
    {
        this.seed = seed.ToArray();
        key = MlKem768X25519.ExpandKey(seed);
        recipient = new MlKem768X25519Recipient(key.PublicKey.ToArray());
    }

    /// <summary>The matching recipient.</summary>
    public MlKem768X25519Recipient Recipient
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return recipient;
        }
    }

    /// <summary>Generates a new identity from the CSPRNG.</summary>
    public static MlKem768X25519Identity Generate()
    {
        byte[] fresh = RandomNumberGenerator.GetBytes(SeedLength);
        try
        {
            return new MlKem768X25519Identity(fresh);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
        }
    }

    /// <summary>
    /// The identity for a given 32-byte seed. Deterministic: the same seed always gives the same keys, which is what
    /// lets a codename re-derive its reply identity.
    /// </summary>
    public static MlKem768X25519Identity FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedLength)
        {
            throw new ArgumentException($"An MLKEM768-X25519 identity seed is {SeedLength} bytes.", nameof(seed));
        }

        return new MlKem768X25519Identity(seed);
    }

    /// <summary>Parses an <c>AGE-SECRET-KEY-PQ-1…</c> key. Throws <see cref="FormatException"/> (with a generic message) if it is not one.</summary>
    public static MlKem768X25519Identity Parse(string secretKey)
    {
        ArgumentNullException.ThrowIfNull(secretKey);

        // age encodes secret keys in upper case only.
        return FromDecoded(secretKey.Any(char.IsLower) ? null : Bech32.Decode(secretKey));
    }

    /// <summary>
    /// As <see cref="Parse(string)"/> for the key as ASCII bytes (a line of a decrypted key file), so it never becomes
    /// a string: every working copy is zeroed; the caller zeroes its bytes.
    /// </summary>
    public static MlKem768X25519Identity ParseAscii(ReadOnlySpan<byte> secretKeyAscii)
    {
        bool lower = false;
        foreach (byte b in secretKeyAscii)
        {
            lower |= b is >= (byte)'a' and <= (byte)'z';
        }

        return FromDecoded(lower ? null : Bech32.Decode(secretKeyAscii));
    }

    private static MlKem768X25519Identity FromDecoded((string Hrp, byte[] Data)? decoded)
    {
        try
        {
            if (decoded is not { Hrp: Hrp, Data.Length: SeedLength })
            {
                throw new FormatException("Malformed post-quantum secret key.");
            }

            return new MlKem768X25519Identity(decoded.Value.Data);
        }
        finally
        {
            if (decoded is { } d)
            {
                CryptographicOperations.ZeroMemory(d.Data);
            }
        }
    }

    /// <summary>The <c>AGE-SECRET-KEY-PQ-1…</c> encoding. The caller owns, and must protect, the returned string.</summary>
    public string ExportSecretKey()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Bech32.Encode(Hrp, seed).ToUpperInvariant();
    }

    /// <inheritdoc />
    public FileKey? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        ObjectDisposedException.ThrowIf(disposed, this);

        foreach (Stanza stanza in stanzas)
        {
            ArgumentNullException.ThrowIfNull(stanza, nameof(stanzas));
            if (stanza.Type != MlKem768X25519Recipient.StanzaType)
            {
                continue;
            }

            FileKey? fileKey = Unwrap(stanza);
            if (fileKey is not null)
            {
                return fileKey;
            }
        }

        return null;
    }

    /// <summary>Zeroes the seed and the expanded key.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        CryptographicOperations.ZeroMemory(seed);
        key.Dispose();
        disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => "MlKem768X25519Identity";

    // Spec "mlkem768x25519 recipient stanza": every check happens before any key agreement, and the body length is
    // checked before decrypting to rule out partitioning-oracle attacks.
    private FileKey? Unwrap(Stanza stanza)
    {
        if (stanza.Args.Count != 1
            || Base64Canonical.Decode(stanza.Args[0]) is not { Length: MlKem768X25519.EncSize } enc
            || stanza.Body.Length != FileKey.Length + ChaCha20Poly1305Aead.TagSize)
        {
            throw new AgeException(AgeErrorKind.Header, "Malformed mlkem768x25519 stanza.");
        }

        using HpkeContext context = Hpke.Hpke.SetupBaseR(enc, key, MlKem768X25519Recipient.Info)
            ?? throw new AgeException(AgeErrorKind.Header, "Malformed mlkem768x25519 stanza.");

        // A wrong key or a tampered stanza both end here: ML-KEM rejects implicitly, so only the AEAD can tell.
        byte[]? plaintext = context.Open([], stanza.Body.Span);
        if (plaintext is null)
        {
            return null;
        }

        try
        {
            return FileKey.FromBytes(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
