namespace WhistleSubmit.Bench.CrashBench;

/// <summary>What a campaign did and what it found; <see cref="Lost"/> and <see cref="Failures"/> must be empty.</summary>
public sealed record CampaignResult
{
    public int Rounds { get; init; }

    public int Acknowledged { get; init; }

    public int Confirmed { get; init; }

    public int RepliesAcknowledged { get; init; }

    public int Decrypted { get; init; }

    public int CutRequests { get; init; }

    public int CutVerbs { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>Acknowledged items or replies missing after a restart.</summary>
    public IReadOnlyList<string> Lost { get; init; } = [];

    /// <summary>Anything else wrong: a store that did not reopen, an item that did not decrypt, a hash that differs.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}
