namespace WhistleSubmit.Crypto.Containers;

/// <summary>Whether and where it was reported inside the government, and what happened.</summary>
public sealed record InternalReporting
{
    /// <summary>Whether it was reported.</summary>
    public Answer? Reported { get; init; }

    /// <summary>Where it was reported (no duplicates).</summary>
    public IReadOnlyList<ReportingChannel>? Channels { get; init; }

    /// <summary>What happened next, free text.</summary>
    public string? Outcome { get; init; }
}
