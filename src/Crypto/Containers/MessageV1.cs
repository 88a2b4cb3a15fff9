using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// <c>message.json</c>, schema version 1 or 2 (v2 adds the case key and mailbox id): a follow-up from a source who
/// already has a codename.
/// </summary>
public sealed record MessageV1
{
    /// <summary>Schema version: 1; 2 with <see cref="CaseKey"/> and <see cref="MailboxId"/> (protocol v2); 3 as 2 plus each attachment's <see cref="AttachmentInfo.Copy"/>.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 1;

    /// <summary>
    /// v2 only, required there: the source's case key (64 lower-case hex), derived from the codename. Its SHA-256 is
    /// the case proof the console groups items by (docs/FORMATS.md#case-proof).
    /// </summary>
    public string? CaseKey { get; init; }

    /// <summary>v2 only, required there: the source's own mailbox id (64 lower-case hex), where replies go.</summary>
    public string? MailboxId { get; init; }

    /// <summary>The message. Required and not blank.</summary>
    public required string Text { get; init; }

    /// <summary>The attachments, in entry order.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>How the message was sent.</summary>
    public required ClientFacts Client { get; init; }
}
