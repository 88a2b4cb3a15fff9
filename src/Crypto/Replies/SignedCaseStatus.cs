using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Replies;

/// <summary>
/// A case status the source sees, version 1 (docs/FORMATS.md#case-status): like a reply, the plaintext of an age file
/// to the source's reply key, a signed document of type <see cref="SignedType"/> whose payload is
/// <c>{"v":1,"mailboxId":"&lt;64 hex&gt;","id":"&lt;32 hex&gt;","day":"yyyy-mm-dd","seq":n,"status":"…"[,"referredTo":"…"]}</c>.
/// <see cref="Seq"/> counts the case's statuses from 1, so the newest is the one with the latest day, then the
/// highest sequence number (<see cref="IsNewerThan"/>): a portal that serves an older status again cannot make it win.
/// </summary>
public sealed record SignedCaseStatus
{
    /// <summary>The signed-document type.</summary>
    public const string SignedType = "case-status";

    /// <summary>Longest <see cref="ReferredTo"/>, in characters.</summary>
    public const int MaxReferredToLength = 200;

    /// <summary>The statuses, as their JSON ids, in the order a case usually goes through them.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["received", "under-review", "referred", "closed"];

    /// <summary>Format version; always 1.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 1;

    /// <summary>The source's mailbox id, 64 lower-case hex digits.</summary>
    public required string MailboxId { get; init; }

    /// <summary>The item's id (its bundle item id), 32 lower-case hex digits.</summary>
    public required string Id { get; init; }

    /// <summary>The UTC day it was set, <c>yyyy-mm-dd</c>.</summary>
    public required string Day { get; init; }

    /// <summary>The case's status number, from 1, one more than the previous status of the case.</summary>
    public required long Seq { get; init; }

    /// <summary>One of <see cref="Statuses"/>.</summary>
    public required string Status { get; init; }

    /// <summary>Only with <c>referred</c>, optional: to whom, in general terms (one line, at most <see cref="MaxReferredToLength"/> characters).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ReferredTo { get; init; }

    /// <summary>Whether <paramref name="text"/> may be a <see cref="ReferredTo"/>: not blank, one line, no control or format characters.</summary>
    public static bool IsValidReferredTo(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && text.Length <= MaxReferredToLength
        && text == text.Trim()
        && !text.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate);

    /// <summary>Whether this status replaces <paramref name="other"/>: a later day, or the same day and a higher sequence number.</summary>
    public bool IsNewerThan(SignedCaseStatus other)
    {
        ArgumentNullException.ThrowIfNull(other);
        int days = string.CompareOrdinal(Day, other.Day);
        return days > 0 || (days == 0 && Seq > other.Seq);
    }

    /// <summary>The status as a signed document: the plaintext to encrypt.</summary>
    /// <exception cref="ArgumentException">A field is malformed.</exception>
    public byte[] ToSignedDocument(TeamSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SignedDocument.Create(key, SignedType, ToJson());
    }

    /// <summary>The payload JSON (compact, in field order).</summary>
    /// <exception cref="ArgumentException">A field is malformed.</exception>
    public byte[] ToJson() => IsValid()
        ? JsonSerializer.SerializeToUtf8Bytes(this, MailboxItemJsonContext.Default.SignedCaseStatus)
        : throw new ArgumentException("The status is not a well-formed version 1 case status.");

    /// <summary>The status in <paramref name="plaintext"/> if it is signed by <paramref name="key"/> and addressed to <paramref name="mailboxId"/>.</summary>
    /// <exception cref="SignatureException">Not a signed document of this type, another key, or a bad signature.</exception>
    /// <exception cref="FormatException">Signed, but malformed or for another mailbox.</exception>
    public static SignedCaseStatus Open(ReadOnlySpan<byte> plaintext, TeamPublicKey key, string mailboxId)
    {
        byte[] payload = SignedDocument.Open(plaintext, key, SignedType);
        SignedCaseStatus status = MailboxItemJson.Parse(payload, MailboxItemJsonContext.Default.SignedCaseStatus) is { } s && s.IsValid()
            ? s
            : throw new FormatException("The signed case status is malformed.");
        return status.MailboxId == mailboxId ? status : throw new FormatException("The signed case status is for another mailbox.");
    }

    private bool IsValid() =>
        V == 1
        && BundleItem.IsValidSha256Hex(MailboxId)
        && BundleItem.IsValidId(Id)
        && MailboxItemJson.IsDay(Day)
        && Seq is >= 1 and <= int.MaxValue
        && Statuses.Contains(Status)
        && (ReferredTo is null || (Status == "referred" && IsValidReferredTo(ReferredTo)));
}

/// <summary>Strict parsing shared by the signed mailbox items (statuses and consent requests).</summary>
internal static class MailboxItemJson
{
    public static T? Parse<T>(byte[] json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (!Utf8.IsValid(json) || json.AsSpan().StartsWith("\uFEFF"u8))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsDay(string? day) =>
        day is { Length: 10 } && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

/// <summary>Source-generated JSON metadata for the signed mailbox items (the library is AOT-compatible).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = 2)]
[JsonSerializable(typeof(SignedCaseStatus))]
[JsonSerializable(typeof(SignedConsentRequest))]
internal sealed partial class MailboxItemJsonContext : JsonSerializerContext;
