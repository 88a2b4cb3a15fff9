using System.Text.Json;
using System.Text.Json.Serialization;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Replies;

/// <summary>
/// The reviewers ask the source whether the case may go to some kinds of destination, version 1
/// (docs/FORMATS.md#consent-request): like a reply, the plaintext of an age file to the source's reply key, a signed
/// document of type <see cref="SignedType"/> whose payload is
/// <c>{"v":1,"mailboxId":"&lt;64 hex&gt;","id":"&lt;32 hex&gt;","day":"yyyy-mm-dd","destinations":["osc",…]}</c>:
/// 1 to 5 distinct <see cref="ConsentDestinations"/>, in their canonical order. The source answers with a
/// <c>consent.json</c> container naming this <see cref="Id"/>.
/// </summary>
public sealed record SignedConsentRequest
{
    /// <summary>The signed-document type.</summary>
    public const string SignedType = "consent-request";

    /// <summary>Format version; always 1.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 1;

    /// <summary>The source's mailbox id, 64 lower-case hex digits.</summary>
    public required string MailboxId { get; init; }

    /// <summary>The request's id (its bundle item id), 32 lower-case hex digits; the answer names it.</summary>
    public required string Id { get; init; }

    /// <summary>The UTC day it was written, <c>yyyy-mm-dd</c>.</summary>
    public required string Day { get; init; }

    /// <summary>The kinds of destination asked about, distinct, in the order of <see cref="ConsentDestinations.All"/>.</summary>
    public required IReadOnlyList<string> Destinations { get; init; }

    /// <summary>The request as a signed document: the plaintext to encrypt.</summary>
    /// <exception cref="ArgumentException">A field is malformed.</exception>
    public byte[] ToSignedDocument(TeamSigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SignedDocument.Create(key, SignedType, ToJson());
    }

    /// <summary>The payload JSON (compact, in field order).</summary>
    /// <exception cref="ArgumentException">A field is malformed.</exception>
    public byte[] ToJson() => IsValid()
        ? JsonSerializer.SerializeToUtf8Bytes(this, MailboxItemJsonContext.Default.SignedConsentRequest)
        : throw new ArgumentException("The request is not a well-formed version 1 consent request.");

    /// <summary>The request in <paramref name="plaintext"/> if it is signed by <paramref name="key"/> and addressed to <paramref name="mailboxId"/>.</summary>
    /// <exception cref="SignatureException">Not a signed document of this type, another key, or a bad signature.</exception>
    /// <exception cref="FormatException">Signed, but malformed or for another mailbox.</exception>
    public static SignedConsentRequest Open(ReadOnlySpan<byte> plaintext, TeamPublicKey key, string mailboxId)
    {
        byte[] payload = SignedDocument.Open(plaintext, key, SignedType);
        SignedConsentRequest request = MailboxItemJson.Parse(payload, MailboxItemJsonContext.Default.SignedConsentRequest) is { } r && r.IsValid()
            ? r
            : throw new FormatException("The signed consent request is malformed.");
        return request.MailboxId == mailboxId ? request : throw new FormatException("The signed consent request is for another mailbox.");
    }

    private bool IsValid() =>
        V == 1
        && BundleItem.IsValidSha256Hex(MailboxId)
        && BundleItem.IsValidId(Id)
        && MailboxItemJson.IsDay(Day)
        && Destinations is not null
        && ConsentDestinations.IsCanonicalList(Destinations);
}

/// <summary>The kinds of destination a source is asked about, as JSON ids.</summary>
public static class ConsentDestinations
{
    /// <summary>Every destination, in canonical order: the Office of Special Counsel, an Office of Inspector General, Congress, a lawyer, the press.</summary>
    public static readonly IReadOnlyList<string> All = ["osc", "oig", "congress", "lawyer", "press"];

    /// <summary>Whether <paramref name="list"/> holds 1 to 5 distinct destinations in canonical order.</summary>
    public static bool IsCanonicalList(IReadOnlyList<string> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (list.Count is 0 || list.Count > All.Count)
        {
            return false;
        }

        int previous = -1;
        foreach (string d in list)
        {
            int index = d is null ? -1 : IndexOf(d);
            if (index <= previous)
            {
                return false;
            }

            previous = index;
        }

        return true;
    }

    /// <summary>The destinations in <paramref name="given"/>, deduplicated, in canonical order.</summary>
    /// <exception cref="ArgumentException">One is not a destination id.</exception>
    public static IReadOnlyList<string> Canonical(IEnumerable<string> given)
    {
        ArgumentNullException.ThrowIfNull(given);
        var set = given.ToHashSet(StringComparer.Ordinal);
        string? unknown = set.FirstOrDefault(d => IndexOf(d) < 0);
        return unknown is null ? All.Where(set.Contains).ToList() : throw new ArgumentException("Not a destination id.", nameof(given));
    }

    private static int IndexOf(string d)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (All[i] == d)
            {
                return i;
            }
        }

        return -1;
    }
}
