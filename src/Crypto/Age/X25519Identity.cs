using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// An X25519 secret key, <c>AGE-SECRET-KEY-1…</c> (spec "The X25519 recipient type"). Zeroed on dispose;
/// <see cref="ToString"/> never shows the secret, only <see cref="ExportSecretKey"/> does.
/// </summary>
public sealed class X25519Identity : IIdentity, IDisposable
{
    private const string Hrp = "age-secret-key-";
    private readonly byte[] secretKey;
    private readonly X25519Recipient recipient;
    private bool disposed;

    private X25519Identity(byte[] secretKey)
    {
        this.secretKey = secretKey;
        recipient = new X25519Recipient(X25519Function.PublicKey(secretKey));
    }

    /// <summary>The matching public key.</summary>
    public X25519Recipient Recipient
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return recipient;
        }
    }

    /// <summary>Generates a new identity from the CSPRNG.</summary>
    public static X25519Identity Generate() => new(RandomNumberGenerator.GetBytes(X25519Function.Size));

    /// <summary>Parses an upper-case <c>AGE-SECRET-KEY-1…</c>. Throws <see cref="FormatException"/> otherwise.</summary>
    public static X25519Identity Parse(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var decoded = Bech32.Decode(identity);
        if (decoded is null)
        {
            throw new FormatException("The text is not a valid X25519 age identity.");
        }

        byte[] data = decoded.Value.Data;
        if (decoded.Value.Hrp != Hrp || data.Length != X25519Function.Size || identity != identity.ToUpperInvariant())
        {
            CryptographicOperations.ZeroMemory(data);
            throw new FormatException("The text is not a valid X25519 age identity.");
        }

        return new X25519Identity(data);
    }

    /// <summary>The <c>AGE-SECRET-KEY-1…</c> encoding. Handle the result as a secret.</summary>
    public string ExportSecretKey()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Bech32.Encode(Hrp, secretKey).ToUpperInvariant();
    }

    /// <inheritdoc />
    public FileKey? Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        ArgumentNullException.ThrowIfNull(stanzas);
        ObjectDisposedException.ThrowIf(disposed, this);
        foreach (Stanza stanza in stanzas)
        {
            FileKey? fileKey = UnwrapOne(stanza);
            if (fileKey is not null)
            {
                return fileKey;
            }
        }

        return null;
    }

    private FileKey? UnwrapOne(Stanza stanza)
    {
        if (stanza.Type != X25519Recipient.StanzaType)
        {
            return null;
        }

        // Validate everything cheap before the key agreement; the body length check also avoids a partitioning
        // oracle (spec).
        byte[]? share = stanza.Args.Count == 1 ? Base64Canonical.Decode(stanza.Args[0]) : null;
        if (share is null || share.Length != X25519Function.Size || stanza.Body.Length != FileKey.Length + Aead.TagSize)
        {
            throw new AgeException(AgeErrorKind.Header, "An X25519 stanza is malformed.");
        }

        byte[] shared = new byte[X25519Function.Size];
        byte[]? wrapKey = null;
        Span<byte> fileKey = stackalloc byte[FileKey.Length];
        try
        {
            if (!X25519Function.TryAgree(secretKey, share, shared))
            {
                throw new AgeException(AgeErrorKind.Header, "An X25519 stanza has an invalid share.");
            }

            wrapKey = X25519Function.WrapKey(shared, share, recipient.PublicKey.ToArray());
            return Aead.TryOpenWithZeroNonce(wrapKey, stanza.Body.Span, fileKey) ? FileKey.FromBytes(fileKey) : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(fileKey);
            if (wrapKey is not null)
            {
                CryptographicOperations.ZeroMemory(wrapKey);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(secretKey);
        disposed = true;
    }

    /// <summary>Shows the public key only.</summary>
    public override string ToString() => disposed ? "X25519Identity (disposed)" : $"X25519Identity({recipient})";
}
