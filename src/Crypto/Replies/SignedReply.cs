using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Replies;

/// <summary>
/// A reply, version 2 (protocol v2, P3): the plaintext inside the age file to the source's reply key is a signed
/// document of type <see cref="SignedType"/> whose payload is
/// <c>{"v":2,"mailboxId":"&lt;64 hex&gt;","id":"&lt;32 hex&gt;","day":"yyyy-mm-dd","text":"…"}</c>. Anyone can encrypt to
/// the reply key (it is in the report, which the portal stores); only the team key signs, and the mailbox id binds the
/// reply to one source, so a portal can neither write a reply nor move one to another mailbox.
/// Version 1 replies were the bare text; they are refused by <see cref="Open"/> (shown as unverified).
/// </summary>
public sealed record SignedReply
{
    /// <summary>The signed-document type.</summary>
    public const string SignedType = "reply";

    /// <summary>Largest text, in UTF-8 bytes.</summary>
    public const int MaxTextBytes = 64 * 1024;

    /// <summary>Format version; always 2.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 2;

    /// <summary>The source's mailbox id, 64 lower-case hex digits.</summary>
    public required string MailboxId { get; init; }

    /// <summary>The reply's id (its bundle item id), 32 lower-case hex digits.</summary>
    public required string Id { get; init; }

    /// <summary>The UTC day it was written, <c>yyyy-mm-dd</c>.</summary>
    public required string Day { get; init; }

    /// <summary>The reviewer's text: at most <see cref="MaxTextBytes"/> of UTF-8, no control characters but tab and line breaks.</summary>
    public required string Text { get; init; }

    /// <summary>Whether <paramref name="text"/> may be a reply's text.</summary>
    public static bool IsValidText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
        {
            return false;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text) <= MaxTextBytes;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The reply as a signed document: the plaintext to encrypt.</summary>
    /// <exception cref="ArgumentException">A field is malformed.</exception>
    public byte[] ToSignedDocument(TeamSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsValid())
        {
            throw new ArgumentException("The reply is not a well-formed version 2 reply.");
        }

        return SignedDocument.Create(key, SignedType, JsonSerializer.SerializeToUtf8Bytes(this, ReplyJsonContext.Default.SignedReply));
    }

    /// <summary>
    /// The reply in <paramref name="plaintext"/> (a decrypted reply) if it is signed by <paramref name="key"/> and
    /// addressed to <paramref name="mailboxId"/>.
    /// </summary>
    /// <exception cref="SignatureException">Not a signed reply (a version 1 reply is <see cref="SignatureFailure.NotAnEnvelope"/>), another key, or a bad signature.</exception>
    /// <exception cref="FormatException">Signed, but malformed or for another mailbox.</exception>
    public static SignedReply Open(ReadOnlySpan<byte> plaintext, TeamPublicKey key, string mailboxId)
    {
        byte[] payload = SignedDocument.Open(plaintext, key, SignedType);
        SignedReply reply = Parse(payload) ?? throw new FormatException("The signed reply is malformed.");
        return reply.MailboxId == mailboxId ? reply : throw new FormatException("The signed reply is for another mailbox.");
    }

    private static SignedReply? Parse(byte[] json)
    {
        if (!Utf8.IsValid(json) || json.AsSpan().StartsWith("\uFEFF"u8))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, ReplyJsonContext.Default.SignedReply) is { } reply && reply.IsValid() ? reply : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool IsValid() =>
        V == 2
        && BundleItem.IsValidSha256Hex(MailboxId)
        && BundleItem.IsValidId(Id)
        && DateOnly.TryParseExact(Day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && IsValidText(Text);
}

/// <summary>Source-generated JSON metadata for <see cref="SignedReply"/> (the library is AOT-compatible).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    MaxDepth = 2)]
[JsonSerializable(typeof(SignedReply))]
internal sealed partial class ReplyJsonContext : JsonSerializerContext;
