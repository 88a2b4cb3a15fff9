namespace WhistleSubmit.Portal.Features.ProofOfWork;

/// <summary>The "Portal:ProofOfWork" settings. The defaults take a second or two in a browser when the portal is quiet.</summary>
public sealed class ProofOfWorkOptions
{
    public const string Section = "Portal:ProofOfWork";

    /// <summary>Leading zero bits asked for when the portal is quiet (2^18 hashes on average).</summary>
    public int BaseBits { get; set; } = 18;

    /// <summary>
    /// The ceiling, for the largest uploads under load (2^28 hashes: minutes in a browser, next to the half hour a
    /// 2 GiB upload takes over Tor). A quiet portal asks 2^18 for up to 32 MiB, 2^21 for 256 MiB, 2^24 for 2 GiB.
    /// </summary>
    public int MaxBits { get; set; } = 28;

    /// <summary>Declared upload size that the base difficulty buys; each doubling beyond adds a bit.</summary>
    public long SizeStepBytes { get; set; } = 32L << 20;

    /// <summary>Unfinished uploads in the store that add the first extra bit; each doubling adds another.</summary>
    public int SessionsPerStep { get; set; } = 32;

    /// <summary>Uploads created per minute that add the first extra bit; each doubling adds another.</summary>
    public int UploadsPerStep { get; set; } = 20;

    /// <summary>How long a challenge stays valid: enough to solve it and upload over a slow circuit.</summary>
    public int LifetimeSeconds { get; set; } = 600;

    /// <summary>Spent challenges remembered at once; beyond that, solutions are refused with 503 until some expire.</summary>
    public int ReplayCacheCapacity { get; set; } = 100_000;
}
