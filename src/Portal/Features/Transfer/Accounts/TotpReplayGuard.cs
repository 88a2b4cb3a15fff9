namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>
/// Refuses a TOTP code whose step was already accepted, without keeping the last step on disk (issue 14: it would
/// date the last login to 30 seconds). A code is accepted only while its step is within one step of the clock's, so a
/// step needs remembering only until the clock passes it by two: that fits in memory. A restart loses that memory, so
/// for an account whose last login (the UTC day the store keeps) may lie in the window, every step that could have
/// been accepted before this process started (up to one past the start's) is refused: at most about a minute after a
/// start in which such an account must wait for a later code. Nothing else is needed on disk. The guard is created when
/// the portal starts (<c>MapTransferSide</c>), not at the first login, so that this minute follows the start.
/// </summary>
public sealed class TotpReplayGuard
{
    private readonly Dictionary<string, long> lastStep = new(StringComparer.Ordinal);
    private readonly long startBarrier;
    private readonly string barrierDay;

    public TotpReplayGuard(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetUtcNow();
        startBarrier = TotpCodes.StepAt(start) + TotpCodes.Window;

        // A login accepted before the start could still be replayed only if it was at most the window's length before it.
        barrierDay = start.AddSeconds(-TotpCodes.StepSeconds * (2 * TotpCodes.Window + 1)).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <see cref="TotpUse.Fresh"/>, and the step remembered, if no code of this step or a later one was accepted for the
    /// account; <see cref="TotpUse.BeforeStart"/> if it may have been accepted before this process started.
    /// </summary>
    /// <param name="account">The account's name.</param>
    /// <param name="step">The step the code matched.</param>
    /// <param name="lastLoginDay">The account's last login day from the store (null: never).</param>
    public TotpUse TryUse(string account, long step, string? lastLoginDay)
    {
        ArgumentNullException.ThrowIfNull(account);
        lock (lastStep)
        {
            if (lastStep.TryGetValue(account, out long last))
            {
                if (step <= last)
                {
                    return TotpUse.Replayed;
                }
            }
            else if (lastLoginDay is not null && string.CompareOrdinal(lastLoginDay, barrierDay) >= 0 && step <= startBarrier)
            {
                return TotpUse.BeforeStart;
            }

            lastStep[account] = step;
            return TotpUse.Fresh;
        }
    }
}

/// <summary>What <see cref="TotpReplayGuard.TryUse"/> found.</summary>
public enum TotpUse
{
    /// <summary>Not used before: accepted and remembered.</summary>
    Fresh,

    /// <summary>A code of this step or a later one was accepted since the start.</summary>
    Replayed,

    /// <summary>Could have been accepted before the start: refused, but it is not the reviewer's failure.</summary>
    BeforeStart,
}
