using System.Text.Json.Serialization;

namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// <c>consent.json</c>, schema version 1 (docs/FORMATS.md#consent-answer): the source's answer to a signed consent
/// request, sent like a follow-up (same container, same upload kind, so the portal cannot tell it from one). It names
/// the request it answers and says yes or no per destination; it carries no attachments.
/// </summary>
public sealed record ConsentAnswerV1
{
    /// <summary>Schema version; always 1.</summary>
    [JsonPropertyName("v")]
    [JsonRequired]
    public int V { get; init; } = 1;

    /// <summary>The source's case key (64 lower-case hex), as in message.json v2: the console files the answer by it.</summary>
    public required string CaseKey { get; init; }

    /// <summary>The source's own mailbox id (64 lower-case hex).</summary>
    public required string MailboxId { get; init; }

    /// <summary>The id (32 lower-case hex) of the consent request answered.</summary>
    public required string Request { get; init; }

    /// <summary>One answer per destination asked about: distinct, in canonical order (osc, oig, congress, lawyer, press).</summary>
    public required IReadOnlyList<ConsentChoice> Answers { get; init; }

    /// <summary>How the answer was sent.</summary>
    public required ClientFacts Client { get; init; }
}

/// <summary>One destination's answer: <c>{"destination":"osc","answer":"yes"}</c>, answer <c>yes</c> or <c>no</c>.</summary>
public sealed record ConsentChoice
{
    /// <summary>A destination id: <c>osc</c>, <c>oig</c>, <c>congress</c>, <c>lawyer</c> or <c>press</c>.</summary>
    public required string Destination { get; init; }

    /// <summary><c>yes</c> or <c>no</c>.</summary>
    public required string Answer { get; init; }
}
