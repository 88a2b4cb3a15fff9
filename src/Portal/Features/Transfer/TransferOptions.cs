namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// The "Portal:Transfer" settings (environment: <c>Portal__Transfer__Argon2MemoryKiB</c> and so on). The defaults
/// are the production values; tests lower the Argon2 cost through these same settings, and production mode refuses
/// a cost below <see cref="MinProductionMemoryKiB"/> / <see cref="MinProductionIterations"/>.
/// </summary>
public sealed class TransferOptions
{
    public const string Section = "Portal:Transfer";

    /// <summary>OWASP's floor for Argon2id (19 MiB, t=2); the defaults are well above it.</summary>
    public const int MinProductionMemoryKiB = 19 * 1024;

    public const int MinProductionIterations = 2;

    /// <summary>
    /// 64 MiB, 3 passes, 1 lane: about half a second on one core of a small server, and logins are verified one at
    /// a time, so a flood of attempts costs the server 64 MiB, not 64 MiB per attempt.
    /// </summary>
    public int Argon2MemoryKiB { get; set; } = 64 * 1024;

    public int Argon2Iterations { get; set; } = 3;

    public int Argon2Parallelism { get; set; } = 1;

    /// <summary>A session unused this long ends.</summary>
    public int SessionIdleMinutes { get; set; } = 15;

    /// <summary>A session ends this long after login, used or not.</summary>
    public int SessionAbsoluteHours { get; set; } = 8;

    /// <summary>Failed logins allowed per account before it locks.</summary>
    public int FreeLoginAttempts { get; set; } = 5;

    /// <summary>The first lockout; each further failure doubles it, up to <see cref="MaxLockoutSeconds"/>.</summary>
    public int LockoutSeconds { get; set; } = 60;

    public int MaxLockoutSeconds { get; set; } = 3600;

    /// <summary>Failed logins of all accounts together the interface absorbs in a burst …</summary>
    public int GlobalFailureBurst { get; set; } = 30;

    /// <summary>… and the pace at which it accepts more after that (one per this many seconds).</summary>
    public int GlobalFailureRefillSeconds { get; set; } = 10;

    /// <summary>The largest replies bundle the upload page accepts.</summary>
    public long MaxRepliesBundleBytes { get; set; } = 256L << 20;

    public TimeSpan? LockoutAfter(int failures)
    {
        if (failures < FreeLoginAttempts)
        {
            return null;
        }

        int doublings = Math.Min(failures - FreeLoginAttempts, 20);
        long seconds = Math.Min((long)LockoutSeconds << doublings, MaxLockoutSeconds);
        return TimeSpan.FromSeconds(seconds);
    }

    public bool IsValid(bool production) =>
        Argon2MemoryKiB >= 8 * Argon2Parallelism && Argon2MemoryKiB <= 1024 * 1024 && Argon2Iterations is >= 1 and <= 16
        && Argon2Parallelism is >= 1 and <= 8
        && (!production || (Argon2MemoryKiB >= MinProductionMemoryKiB && Argon2Iterations >= MinProductionIterations))
        && SessionIdleMinutes >= 1 && SessionAbsoluteHours >= 1 && FreeLoginAttempts >= 1 && LockoutSeconds >= 1
        && MaxLockoutSeconds >= LockoutSeconds && GlobalFailureBurst >= 1 && GlobalFailureRefillSeconds >= 1
        && MaxRepliesBundleBytes >= 1024;
}
