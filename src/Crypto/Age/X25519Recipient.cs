using System.Collections.Frozen;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age;

/// <summary>An X25519 public key, <c>age1…</c> (spec "The X25519 recipient type").</summary>
public sealed class X25519Recipient : IRecipient
{
    /// <summary>The stanza type this recipient writes.</summary>
    public const string StanzaType = "X25519";

    private const string Hrp = "age";
    private readonly byte[] publicKey;

    internal X25519Recipient(byte[] publicKey) => this.publicKey = publicKey;

    /// <summary>X25519 recipients carry no label, so they mix with each other but not with post-quantum ones.</summary>
    public IReadOnlySet<string> Labels => FrozenSet<string>.Empty;

    internal ReadOnlySpan<byte> PublicKey => publicKey;

    /// <summary>Parses a lower-case <c>age1…</c> recipient. Throws <see cref="FormatException"/> otherwise.</summary>
    public static X25519Recipient Parse(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var decoded = Bech32.Decode(recipient);
        if (decoded is null || decoded.Value.Hrp != Hrp || decoded.Value.Data.Length != X25519Function.Size ||
            recipient != recipient.ToLowerInvariant())
        {
            throw new FormatException("The text is not a valid X25519 age recipient.");
        }

        byte[] key = decoded.Value.Data;

        // A low-order point yields the all-zero shared secret for every (clamped) scalar: refuse it up front
        // rather than at Wrap time.
        byte[] probe = new byte[X25519Function.Size];
        probe[0] = 9;
        byte[] shared = new byte[X25519Function.Size];
        if (!X25519Function.TryAgree(probe, key, shared))
        {
            throw new FormatException("The text is not a valid X25519 age recipient.");
        }

        return new X25519Recipient(key);
    }

    /// <inheritdoc />
    public IReadOnlyList<Stanza> Wrap(FileKey fileKey)
    {
        ArgumentNullException.ThrowIfNull(fileKey);

        // A new ephemeral secret for each stanza and each file, as the spec requires.
        byte[] ephemeral = RandomNumberGenerator.GetBytes(X25519Function.Size);
        byte[] shared = new byte[X25519Function.Size];
        byte[]? wrapKey = null;
        try
        {
            byte[] share = X25519Function.PublicKey(ephemeral);
            if (!X25519Function.TryAgree(ephemeral, publicKey, shared))
            {
                throw new CryptographicException("The recipient's public key is invalid.");
            }

            wrapKey = X25519Function.WrapKey(shared, share, publicKey);
            byte[] body = Aead.SealWithZeroNonce(wrapKey, fileKey.Span);
            return [new Stanza(StanzaType, [Base64Canonical.Encode(share)], body)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
            CryptographicOperations.ZeroMemory(shared);
            if (wrapKey is not null)
            {
                CryptographicOperations.ZeroMemory(wrapKey);
            }
        }
    }

    /// <summary>The <c>age1…</c> encoding.</summary>
    public override string ToString() => Bech32.Encode(Hrp, publicKey);
}
