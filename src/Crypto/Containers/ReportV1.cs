using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// <c>report.json</c>, schema version 1, 2 or 3 (v2 adds the case key and mailbox id and requires the reply recipient;
/// v3 adds the reporting channels <c>osc</c>, <c>crcl</c> and <c>congress</c>): the answers of a first submission (docs/FORMATS.md#report). Everything is
/// optional except <see cref="Description"/> and <see cref="Client"/>. JSON names are camelCase; unknown fields are refused.
/// </summary>
public sealed record ReportV1
{
    /// <summary>The version both writers write (docs/FORMATS.md#report).</summary>
    public const int CurrentVersion = 3;

    /// <summary>Schema version: 1; 2 with <see cref="CaseKey"/> and <see cref="MailboxId"/> (protocol v2); 3 as 2 plus each attachment's <see cref="AttachmentInfo.Copy"/> and the channels osc, congress, crcl.</summary>
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

    /// <summary>The source's relationship to ICE.</summary>
    public Relationship? Relationship { get; init; }

    /// <summary>The component involved.</summary>
    public Component? Component { get; init; }

    /// <summary>What it is about (no duplicates).</summary>
    public IReadOnlyList<Category>? Categories { get; init; }

    /// <summary>When it happened.</summary>
    public IncidentWhen? When { get; init; }

    /// <summary>Where it happened.</summary>
    public IncidentWhere? Where { get; init; }

    /// <summary>Who was affected.</summary>
    public PeopleAffected? PeopleAffected { get; init; }

    /// <summary>Force, injuries, deaths.</summary>
    public Harm? Harm { get; init; }

    /// <summary>What evidence exists and where, free text.</summary>
    public string? Evidence { get; init; }

    /// <summary>Internal reporting so far.</summary>
    public InternalReporting? InternalReporting { get; init; }

    /// <summary>Retaliation experienced, free text.</summary>
    public string? Retaliation { get; init; }

    /// <summary>The free-text account. Required and not blank.</summary>
    public required string Description { get; init; }

    /// <summary>The attachments, in entry order.</summary>
    public IReadOnlyList<AttachmentInfo> Attachments { get; init; } = [];

    /// <summary>The source's reply recipient (<c>age1pq1…</c>, derived from the codename); required in v2.</summary>
    public string? ReplyRecipient { get; init; }

    /// <summary>How the submission was made.</summary>
    public required ClientFacts Client { get; init; }
}
