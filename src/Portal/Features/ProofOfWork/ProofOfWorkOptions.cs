namespace WhistleSubmit.Portal.Features.ProofOfWork;

/// <summary>The "Portal:ProofOfWork" settings. The defaults take a second or two in a browser when the portal is quiet.</summary>
public sealed class ProofOfWorkOptions
{
    public const string Section = "Portal:ProofOfWork";

    /// <summary>Leading zero bits asked for when the portal is quiet (2^18 hashes on average).</summary>
    public int BaseBits { get; set; } = 18;

    /// <summary>The ceiling under load (2^24 hashes: under a minute in a browser on an old laptop).</summary>
    public int MaxBits { get; set; } = 24;

    /// <summary>Accepted uploads per minute that add the first extra bit; each doubling adds another.</summary>
    public int UploadsPerStep { get; set; } = 20;

    /// <summary>How long a challenge stays valid: enough to solve it and upload over a slow circuit.</summary>
    public int LifetimeSeconds { get; set; } = 600;

    /// <summary>Spent challenges remembered at once; beyond that, solutions are refused with 503 until some expire.</summary>
    public int ReplayCacheCapacity { get; set; } = 100_000;
}
