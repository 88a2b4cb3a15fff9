namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// Chooses the difficulty from recent load: <c>baseBits + floor(log2(1 + acceptedLastMinute / uploadsPerStep))</c>,
/// capped at <c>maxBits</c>. Each doubling of the accepted-upload rate doubles the expected work per upload, so a
/// flood costs its sender more and more while a quiet portal stays quick for a source on a slow laptop.
/// </summary>
public sealed class ProofOfWorkDifficultyPolicy
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // One counter per second of the window: memory stays fixed whatever the load.
    private readonly int[] counts = new int[60];
    private readonly long[] secondOfSlot = new long[60];
    private readonly Lock gate = new();
    private readonly TimeProvider time;

    /// <summary>Creates a policy.</summary>
    /// <param name="baseBits">The difficulty when the portal is quiet.</param>
    /// <param name="maxBits">The ceiling, so a source is never asked for unbounded work.</param>
    /// <param name="uploadsPerStep">Accepted uploads per minute that add the first extra bit.</param>
    /// <param name="time">The clock.</param>
    public ProofOfWorkDifficultyPolicy(int baseBits, int maxBits, int uploadsPerStep, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseBits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBits, baseBits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBits, ProofOfWorkChallenge.MaxDifficultyBits);
        ArgumentOutOfRangeException.ThrowIfLessThan(uploadsPerStep, 1);
        ArgumentNullException.ThrowIfNull(time);
        BaseBits = baseBits;
        MaxBits = maxBits;
        UploadsPerStep = uploadsPerStep;
        this.time = time;
    }

    /// <summary>The difficulty when the portal is quiet.</summary>
    public int BaseBits { get; }

    /// <summary>The ceiling.</summary>
    public int MaxBits { get; }

    /// <summary>Accepted uploads per minute that add the first extra bit.</summary>
    public int UploadsPerStep { get; }

    /// <summary>The difficulty to put in the next challenge.</summary>
    public int CurrentBits
    {
        get
        {
            int recent = AcceptedInLastMinute();
            int extra = (int)Math.Floor(Math.Log2(1 + ((double)recent / UploadsPerStep)));
            return Math.Min(MaxBits, BaseBits + extra);
        }
    }

    /// <summary>Counts one accepted upload towards the load.</summary>
    public void RecordAccepted()
    {
        long second = time.GetUtcNow().ToUnixTimeSeconds();
        int slot = (int)(second % counts.Length);
        lock (gate)
        {
            if (secondOfSlot[slot] != second)
            {
                secondOfSlot[slot] = second;
                counts[slot] = 0;
            }

            counts[slot] = counts[slot] == int.MaxValue ? int.MaxValue : counts[slot] + 1;
        }
    }

    /// <summary>The number of uploads recorded in the last minute.</summary>
    public int AcceptedInLastMinute()
    {
        long now = time.GetUtcNow().ToUnixTimeSeconds();
        long oldest = now - (long)Window.TotalSeconds;
        long total = 0;
        lock (gate)
        {
            for (int i = 0; i < counts.Length; i++)
            {
                if (secondOfSlot[i] > oldest && secondOfSlot[i] <= now)
                {
                    total += counts[i];
                }
            }
        }

        return (int)Math.Min(total, int.MaxValue);
    }
}
