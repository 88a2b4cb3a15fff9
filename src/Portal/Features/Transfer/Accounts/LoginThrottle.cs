using System.Collections.Concurrent;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>
/// The throttles that are not per known account (those live in the store): a token bucket of failed logins for the
/// whole interface, and per-name lockouts for names that have no account, kept like an account's so that being
/// locked out does not reveal whether a name exists. Memory is bounded: past 10,000 names the oldest are dropped.
/// </summary>
public sealed class LoginThrottle(TransferOptions options, TimeProvider time)
{
    private const int MaxNames = 10_000;
    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? LockedUntil, DateTimeOffset Last)> unknown = new(StringComparer.Ordinal);
    private double tokens = options.GlobalFailureBurst;
    private DateTimeOffset refilled = time.GetUtcNow();

    /// <summary>How long every login must wait because of failures everywhere; null if attempts are allowed now.</summary>
    public TimeSpan? GlobalWait()
    {
        lock (gate)
        {
            Refill();
            return tokens >= 1 ? null : TimeSpan.FromSeconds((1 - tokens) * options.GlobalFailureRefillSeconds);
        }
    }

    public void RecordGlobalFailure()
    {
        lock (gate)
        {
            Refill();
            tokens = Math.Max(0, tokens - 1);
        }
    }

    /// <summary>The lockout left for a name without an account; null if none.</summary>
    public TimeSpan? UnknownNameWait(string name)
    {
        var now = time.GetUtcNow();
        return unknown.TryGetValue(name, out var state) && state.LockedUntil > now ? state.LockedUntil - now : null;
    }

    public void RecordUnknownNameFailure(string name)
    {
        var now = time.GetUtcNow();
        if (unknown.Count >= MaxNames)
        {
            foreach (var old in unknown.OrderBy(e => e.Value.Last).Take(MaxNames / 10).ToList())
            {
                unknown.TryRemove(old.Key, out _);
            }
        }

        unknown.AddOrUpdate(
            name,
            _ => (1, options.LockoutAfter(1) is { } span ? now + span : null, now),
            (_, s) => (s.Failures + 1, options.LockoutAfter(s.Failures + 1) is { } span ? now + span : s.LockedUntil, now));
    }

    private void Refill()
    {
        var now = time.GetUtcNow();
        tokens = Math.Min(options.GlobalFailureBurst, tokens + ((now - refilled).TotalSeconds / options.GlobalFailureRefillSeconds));
        refilled = now;
    }
}
