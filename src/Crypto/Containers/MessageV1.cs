using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary><c>message.json</c>, schema version 1: a follow-up from a source who already has a codename.</summary>
public sealed record MessageV1
{
    /// <summary>Schema version; always 1.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 1;

    /// <summary>The message. Required and not blank.</summary>
    public required string Text { get; init; }

    /// <summary>The attachments, in entry order.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>How the message was sent.</summary>
    public required ClientFacts Client { get; init; }
}
