using System.Collections.Frozen;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Hpke;

namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// A post-quantum age recipient (spec: "The MLKEM768-X25519 (i.e. X-Wing) hybrid post-quantum recipient type"),
/// encoded as Bech32 with HRP <c>age1pq</c>. The file key is sealed with HPKE base mode, KEM MLKEM768-X25519.
/// </summary>
public sealed class MlKem768X25519Recipient : IRecipient
{
    /// <summary>The stanza type this recipient writes.</summary>
    public const string StanzaType = "mlkem768x25519";

    internal const string Hrp = "age1pq";

    // The label keeps PQ recipients from being mixed with classic ones, which would void the PQ protection.
    private static readonly FrozenSet<string> PostQuantumLabels = new[] { "postquantum" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly byte[] publicKey;

    /// <summary>Takes a public key already checked with <see cref="MlKem768X25519.IsValidPublicKey"/>.</summary>
    internal MlKem768X25519Recipient(byte[] publicKey) => this.publicKey = publicKey;

    /// <summary>HPKE info, fixed by the spec's stanza section.</summary>
    internal static ReadOnlySpan<byte> Info => "age-encryption.org/mlkem768x25519"u8;

    /// <summary>Always <c>postquantum</c>.</summary>
    public IReadOnlySet<string> Labels => PostQuantumLabels;

    /// <summary>The raw HPKE public key, ek_PQ || ek_T (1,216 bytes).</summary>
    internal ReadOnlySpan<byte> PublicKey => publicKey;

    /// <summary>Parses an <c>age1pq1…</c> recipient. Throws <see cref="FormatException"/> (with a generic message) if it is not one.</summary>
    public static MlKem768X25519Recipient Parse(string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);

        // age encodes recipients in lower case; Bech32 refuses mixed case and we refuse the all-upper form too.
        if (recipient.Any(char.IsUpper)
            || Bech32.Decode(recipient) is not { Hrp: Hrp, Data: var data }
            || !MlKem768X25519.IsValidPublicKey(data))
        {
            throw new FormatException("Malformed post-quantum recipient.");
        }

        return new MlKem768X25519Recipient(data);
    }

    /// <summary>Wraps the file key into one <c>mlkem768x25519</c> stanza, with fresh randomness.</summary>
    public IReadOnlyList<Stanza> Wrap(FileKey fileKey)
    {
        ArgumentNullException.ThrowIfNull(fileKey);
        byte[] eseed = RandomNumberGenerator.GetBytes(MlKem768X25519.EseedSize);
        try
        {
            return [Wrap(fileKey, eseed)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(eseed);
        }
    }

    /// <summary>Spec "mlkem768x25519 recipient stanza": SealBase(pkR, info, aad = "", file key), with explicit KEM randomness.</summary>
    internal Stanza Wrap(FileKey fileKey, ReadOnlySpan<byte> eseed)
    {
        (byte[] enc, byte[] body) = Hpke.Hpke.SealBase(publicKey, eseed, Info, [], fileKey.Span);
        return new Stanza(StanzaType, [Base64Canonical.Encode(enc)], body);
    }

    /// <summary>The <c>age1pq1…</c> encoding.</summary>
    public override string ToString() => Bech32.Encode(Hrp, publicKey);
}
