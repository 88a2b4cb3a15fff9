using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WhistleSubmit.Crypto.Signing;

/// <summary>
/// The signed-document envelope (protocol v2), strict UTF-8 JSON of at most 24 MiB:
/// <c>{"v":2,"type":"…","key":"&lt;32 hex fingerprint&gt;","payload":"&lt;base64url&gt;","sig":"&lt;base64url, 3,373 bytes&gt;"}</c>.
/// Exactly these five properties, each once, in any order; no BOM; strings without escapes (no legal value needs
/// one, and refusing them keeps one text per value, the same rule the browser's reader applies).
/// </summary>
public static class SignedDocument
{
    /// <summary>Largest envelope in bytes, checked before anything is parsed.</summary>
    public const int MaxBytes = 24 * 1024 * 1024;

    /// <summary>The envelope's format version.</summary>
    public const int Version = 2;

    /// <summary>The envelope for <paramref name="payload"/> signed as <paramref name="type"/>, as UTF-8 JSON.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not <c>[a-z0-9-]{1,64}</c>, or the envelope would exceed <see cref="MaxBytes"/>.</exception>
    public static byte[] Create(TeamSigningKey key, string type, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        byte[] signature = key.Sign(type, payload);
        return Write(type, key.PublicKey.Fingerprint, payload, signature);
    }

    /// <summary>
    /// The payload of <paramref name="envelope"/> if it is a well-formed envelope of <paramref name="expectedType"/>
    /// signed by <paramref name="key"/>. The payload is returned as bytes: its consumer parses it strictly.
    /// </summary>
    /// <exception cref="SignatureException">Refused; <see cref="SignatureException.Reason"/> says why.</exception>
    /// <exception cref="ArgumentException"><paramref name="expectedType"/> is not <c>[a-z0-9-]{1,64}</c>.</exception>
    public static byte[] Open(ReadOnlySpan<byte> envelope, TeamPublicKey key, string expectedType)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!TeamPublicKey.IsValidType(expectedType))
        {
            throw new ArgumentException("A document type is [a-z0-9-]{1,64}.", nameof(expectedType));
        }

        Fields fields = Parse(envelope) ?? throw new SignatureException(SignatureFailure.NotAnEnvelope);
        if (fields.Type != expectedType)
        {
            throw new SignatureException(SignatureFailure.WrongType);
        }

        if (fields.Key != key.Fingerprint)
        {
            throw SignatureException.OtherKey(fields.Key);
        }

        if (!key.Verify(fields.Type, fields.Payload, fields.Signature))
        {
            throw new SignatureException(SignatureFailure.BadSignature);
        }

        return fields.Payload;
    }

    /// <summary>Writes an envelope from its parts (the vectors use it to make tampered ones).</summary>
    internal static byte[] Write(string type, string keyFingerprint, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        if (!TeamPublicKey.IsValidType(type))
        {
            throw new ArgumentException("A document type is [a-z0-9-]{1,64}.", nameof(type));
        }

        string json = $"{{\"v\":{Version},\"type\":\"{type}\",\"key\":\"{keyFingerprint}\",\"payload\":\"{Base64UrlCanonical.Encode(payload)}\",\"sig\":\"{Base64UrlCanonical.Encode(signature)}\"}}";
        if (json.Length > MaxBytes)
        {
            throw new ArgumentException("The payload is too large for a signed document.", nameof(payload));
        }

        return Encoding.ASCII.GetBytes(json);
    }

    internal sealed record Fields(string Type, string Key, byte[] Payload, byte[] Signature);

    /// <summary>The envelope's fields if it is well-formed, else null. Limits first: size, then UTF-8 and BOM.</summary>
    internal static Fields? Parse(ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length > MaxBytes || !Utf8.IsValid(envelope) || envelope.StartsWith("\uFEFF"u8))
        {
            return null;
        }

        try
        {
            return ReadObject(envelope);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Fields? ReadObject(ReadOnlySpan<byte> envelope)
    {
        var reader = new Utf8JsonReader(envelope, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 2 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        bool sawVersion = false;
        string? type = null, key = null;
        byte[]? payload = null, signature = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return null;
            }

            string name = Encoding.ASCII.GetString(reader.ValueSpan);
            if (!reader.Read())
            {
                return null;
            }

            bool fresh = name switch
            {
                "v" => !sawVersion && (sawVersion = IsVersion(ref reader)),
                "type" => type is null && (type = AsciiString(ref reader)) is not null,
                "key" => key is null && (key = AsciiString(ref reader)) is not null,
                "payload" => payload is null && (payload = Base64UrlString(ref reader)) is not null,
                "sig" => signature is null && (signature = Base64UrlString(ref reader)) is not null,
                _ => false,
            };
            if (!fresh)
            {
                return null;
            }
        }

        // The object must close and be the whole document (the reader refuses a second top-level value).
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return null;
        }

        bool complete = sawVersion
            && TeamPublicKey.IsValidType(type)
            && key is { Length: TeamPublicKey.FingerprintHexDigits } && key.All(char.IsAsciiHexDigitLower)
            && payload is not null
            && signature is { Length: TeamPublicKey.SignatureLength };
        return complete ? new Fields(type!, key!, payload!, signature!) : null;
    }

    // Exactly the token 2: not 2.0, 2e0 or "2".
    private static bool IsVersion(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.ValueSpan.SequenceEqual("2"u8);

    private static string? AsciiString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= 64
            ? Encoding.ASCII.GetString(reader.ValueSpan)
            : null;

    private static byte[]? Base64UrlString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            ? Base64UrlCanonical.Decode(reader.ValueSpan)
            : null;
}
