namespace WhistleSubmit.Bench.CrashBench;

/// <summary>How a campaign runs.</summary>
public sealed record CampaignOptions
{
    /// <summary>Rounds: each starts the portal, loads it, and ends with a kill or a power cut at a random moment.</summary>
    public int Rounds { get; init; } = 50;

    /// <summary>Power cuts instead of process kills: the data directory sits on a loop-mounted ext4 that is shut down
    /// without flushing (<see cref="PowerCut"/>), so every write not yet synced is lost, as when the power fails.</summary>
    public bool PowerCut { get; init; }

    /// <summary>Concurrent sources.</summary>
    public int Sources { get; init; } = 4;

    /// <summary>Longest wait, in milliseconds, from a round's first acknowledgement to the kill.</summary>
    public int MaxKillDelayMs { get; init; } = 12000;

    /// <summary>Largest plaintext a source sends; above 4 MiB an upload takes several chunks.</summary>
    public int MaxPlaintextBytes { get; init; } = 9 * 1024 * 1024;

    public int Seed { get; init; } = Environment.TickCount;

    /// <summary>Progress lines go here (null: none).</summary>
    public TextWriter? Log { get; init; }
}
