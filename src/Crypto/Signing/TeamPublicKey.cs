using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace WhistleSubmit.Crypto.Signing;

/// <summary>
/// The reviewers' team public key (protocol v2): Ed25519 public key (32 bytes) ‖ ML-DSA-65 public key (1,952 bytes),
/// written <c>whistlesubmit-team-v2:</c> + base64url without padding. A signature is valid only if both halves verify,
/// so forging one needs both Ed25519 and ML-DSA-65 broken.
/// </summary>
public sealed class TeamPublicKey : IEquatable<TeamPublicKey>
{
    /// <summary>The text form's prefix.</summary>
    public const string Prefix = "whistlesubmit-team-v2:";

    /// <summary>Length of the key bytes P.</summary>
    public const int Length = Ed25519Length + MlDsaLength;

    /// <summary>Length of a team signature: Ed25519 (64) ‖ ML-DSA-65 (3,309).</summary>
    public const int SignatureLength = Ed25519SignatureLength + MlDsaSignatureLength;

    /// <summary>The number of hex digits in a fingerprint, as for recipient fingerprints.</summary>
    public const int FingerprintHexDigits = 32;

    internal const int Ed25519Length = 32;
    internal const int MlDsaLength = 1952;
    internal const int Ed25519SignatureLength = 64;
    internal const int MlDsaSignatureLength = 3309;

    // Prefix plus ceil(1984 * 4 / 3) characters.
    private const int TextLength = 22 + 2646;

    private static readonly byte[] Domain = "whistlesubmit/v2/sign/"u8.ToArray();

    private readonly byte[] bytes;
    private readonly Ed25519PublicKeyParameters ed25519;
    private readonly MLDsaPublicKeyParameters mlDsa;

    internal TeamPublicKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A team public key is {Length} bytes.", nameof(bytes));
        }

        this.bytes = bytes.ToArray();
        ed25519 = new Ed25519PublicKeyParameters(this.bytes, 0);
        mlDsa = MLDsaPublicKeyParameters.FromEncoding(MLDsaParameters.ml_dsa_65, this.bytes[Ed25519Length..]);
        Text = Prefix + Base64UrlCanonical.Encode(this.bytes);
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(this.bytes).AsSpan(0, FingerprintHexDigits / 2));
    }

    /// <summary>The text form, <c>whistlesubmit-team-v2:…</c>.</summary>
    public string Text { get; }

    /// <summary>A copy of the key bytes P (1,984).</summary>
    public byte[] Bytes => bytes.ToArray();

    /// <summary>The fingerprint as in JSON: the first 32 lower-case hex digits of SHA-256(P), no spaces.</summary>
    public string Fingerprint { get; }

    /// <summary>The fingerprint as shown to people: eight groups of four hex digits, as recipient fingerprints are.</summary>
    public string DisplayFingerprint => GroupFingerprint(Fingerprint);

    /// <summary>Parses the text form. Throws <see cref="FormatException"/> (with a generic message) if it is not one.</summary>
    public static TeamPublicKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[]? decoded = text.Length == TextLength && text.StartsWith(Prefix, StringComparison.Ordinal)
            ? Base64UrlCanonical.Decode(text.AsSpan(Prefix.Length))
            : null;
        if (decoded is not { Length: Length })
        {
            throw new FormatException("Malformed team public key.");
        }

        try
        {
            return new TeamPublicKey(decoded);
        }
        catch (ArgumentException ex)
        {
            // BouncyCastle decodes the Ed25519 point here and refuses one that is not on the curve or not canonical.
            throw new FormatException("Malformed team public key.", ex);
        }
    }

    /// <summary>The key for its 1,984 bytes P.</summary>
    /// <exception cref="ArgumentException">Not 1,984 bytes, or the Ed25519 half is not a canonical point on the curve.</exception>
    public static TeamPublicKey FromBytes(ReadOnlySpan<byte> bytes) => new(bytes);

    /// <summary>Whether <paramref name="signature"/> is a valid team signature of <paramref name="payload"/> as <paramref name="type"/>: both halves must verify.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not <c>[a-z0-9-]{1,64}</c>.</exception>
    public bool Verify(string type, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        byte[] message = SigningInput(type, payload);
        if (signature.Length != SignatureLength)
        {
            return false;
        }

        var edVerifier = new Ed25519Signer();
        edVerifier.Init(false, ed25519);
        edVerifier.BlockUpdate(message);
        bool edValid = edVerifier.VerifySignature(signature[..Ed25519SignatureLength].ToArray());

        var mlVerifier = new MLDsaSigner(MLDsaParameters.ml_dsa_65, deterministic: false);
        mlVerifier.Init(false, mlDsa);
        mlVerifier.BlockUpdate(message);
        bool mlValid = mlVerifier.VerifySignature(signature[Ed25519SignatureLength..].ToArray());

        return edValid & mlValid;
    }

    /// <inheritdoc/>
    public bool Equals(TeamPublicKey? other) => other is not null && bytes.AsSpan().SequenceEqual(other.bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TeamPublicKey);

    /// <inheritdoc/>
    public override int GetHashCode() => Fingerprint.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Whether <paramref name="type"/> is a document type: <c>[a-z0-9-]{1,64}</c>.</summary>
    public static bool IsValidType(string? type) =>
        type is { Length: >= 1 and <= 64 } && type.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>M' = ASCII <c>whistlesubmit/v2/sign/</c> ‖ ASCII type ‖ 0x00 ‖ payload: the type is bound, so no document passes as another.</summary>
    internal static byte[] SigningInput(string type, ReadOnlySpan<byte> payload)
    {
        if (!IsValidType(type))
        {
            throw new ArgumentException("A document type is [a-z0-9-]{1,64}.", nameof(type));
        }

        var message = new byte[Domain.Length + type.Length + 1 + payload.Length];
        Domain.CopyTo(message, 0);
        Encoding.ASCII.GetBytes(type, message.AsSpan(Domain.Length));
        payload.CopyTo(message.AsSpan(Domain.Length + type.Length + 1));
        return message;
    }

    internal static string GroupFingerprint(string hex) => string.Join(' ', hex.Chunk(4).Select(group => new string(group)));
}
