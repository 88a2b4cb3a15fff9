using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Signing;

/// <summary>
/// The reviewers' recipient set (protocol v2, type <c>recipient-set</c>): the age recipients every submission is
/// encrypted to, signed offline with the team key. Payload, strict UTF-8 JSON:
/// <c>{"v":2,"issued":"yyyy-mm-dd","recipients":["age1pq1…",…]}</c>, 1–64 distinct lower-case post-quantum recipients.
/// </summary>
public sealed class RecipientSet
{
    public const string Type = "recipient-set";

    public const int MaxRecipients = 64;

    // 64 recipients of 1,960 characters each, plus the frame: anything larger is refused before it is parsed.
    public const int MaxPayloadBytes = 160 * 1024;

    private RecipientSet(DateOnly issued, IReadOnlyList<string> recipients)
    {
        Issued = issued;
        Recipients = recipients;
    }

    /// <summary>The day the console signed the set (UTC).</summary>
    public DateOnly Issued { get; }

    /// <summary>The <c>age1pq1…</c> recipients, in the signed order.</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary>A set of <paramref name="recipients"/> issued on <paramref name="issued"/>.</summary>
    /// <exception cref="FormatException">A recipient is not a lower-case post-quantum age recipient, repeats, or the count is not 1–64.</exception>
    public static RecipientSet Create(IEnumerable<string> recipients, DateOnly issued)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        string[] list = [.. recipients];
        return Valid(list) ? new RecipientSet(issued, list) : throw new FormatException("Not a valid recipient set.");
    }

    /// <summary>The payload bytes (compact JSON, the form the console signs).</summary>
    public byte[] ToPayload()
    {
        string issued = Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string list = string.Join(',', Recipients.Select(r => $"\"{r}\""));
        return Encoding.ASCII.GetBytes($"{{\"v\":2,\"issued\":\"{issued}\",\"recipients\":[{list}]}}");
    }

    /// <summary>The signed envelope of this set.</summary>
    public byte[] Sign(TeamSigningKey key) => SignedDocument.Create(key, Type, ToPayload());

    /// <summary>The set in <paramref name="envelope"/> if it is a recipient set signed by <paramref name="key"/>.</summary>
    /// <exception cref="SignatureException">The envelope is refused (not one, another type, another key, bad signature).</exception>
    /// <exception cref="FormatException">The signature verifies but the payload is not a valid recipient set.</exception>
    public static RecipientSet Open(ReadOnlySpan<byte> envelope, TeamPublicKey key) =>
        ParsePayload(SignedDocument.Open(envelope, key, Type));

    /// <summary>Parses the payload strictly: exactly v, issued and recipients, each once; no escapes; limits first.</summary>
    /// <exception cref="FormatException">Not a valid recipient-set payload.</exception>
    public static RecipientSet ParsePayload(ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes || !Utf8.IsValid(payload) || payload.StartsWith("\uFEFF"u8))
        {
            throw new FormatException("Not a valid recipient set.");
        }

        try
        {
            return Read(payload) ?? throw new FormatException("Not a valid recipient set.");
        }
        catch (JsonException)
        {
            throw new FormatException("Not a valid recipient set.");
        }
    }

    private static RecipientSet? Read(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 2 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        bool sawVersion = false;
        DateOnly? issued = null;
        List<string>? recipients = null;
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
                "v" => !sawVersion && (sawVersion = reader.TokenType == JsonTokenType.Number && reader.ValueSpan.SequenceEqual("2"u8)),
                "issued" => issued is null && (issued = Day(ref reader)) is not null,
                "recipients" => recipients is null && (recipients = List(ref reader)) is not null,
                _ => false,
            };
            if (!fresh)
            {
                return null;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return null;
        }

        return sawVersion && issued is { } day && recipients is not null && Valid(recipients)
            ? new RecipientSet(day, recipients)
            : null;
    }

    private static DateOnly? Day(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length == 10
        && DateOnly.TryParseExact(Encoding.ASCII.GetString(reader.ValueSpan), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;

    private static List<string>? List(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return null;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueIsEscaped || list.Count == MaxRecipients)
            {
                return null;
            }

            list.Add(Encoding.ASCII.GetString(reader.ValueSpan));
        }

        return reader.TokenType == JsonTokenType.EndArray ? list : null;
    }

    // 1–64, distinct, each exactly the canonical lower-case text of a post-quantum recipient (never X25519).
    private static bool Valid(IReadOnlyList<string> recipients) =>
        recipients.Count is >= 1 and <= MaxRecipients
        && recipients.Distinct(StringComparer.Ordinal).Count() == recipients.Count
        && recipients.All(IsCanonicalPostQuantum);

    private static bool IsCanonicalPostQuantum(string text)
    {
        try
        {
            return MlKem768X25519Recipient.Parse(text).ToString() == text;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
