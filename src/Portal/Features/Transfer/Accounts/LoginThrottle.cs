using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>
/// The throttles that are not per known account (those live in the store): a token bucket of failed logins for the
/// whole interface, and per-name lockouts for names that have no account, kept like an account's so that being
/// locked out does not reveal whether a name exists. No name is kept: each unknown name falls in one of a fixed number
/// of buckets by a keyed hash (the key lives only in memory), so memory is fixed whatever is typed, and a name shares
/// its bucket's lockout with the few others that hash alike (none of them an account's: those live in the store).
/// </summary>
public sealed class LoginThrottle(TransferOptions options, TimeProvider time)
{
    internal const int Buckets = 65_536;
    private readonly Lock gate = new();
    private readonly byte[] bucketKey = RandomNumberGenerator.GetBytes(32);
    private readonly (int Failures, DateTimeOffset? LockedUntil)[] unknown = new (int, DateTimeOffset?)[Buckets];
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
        lock (gate)
        {
            var state = unknown[Bucket(name)];
            return state.LockedUntil > now ? state.LockedUntil - now : null;
        }
    }

    public void RecordUnknownNameFailure(string name)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            ref var state = ref unknown[Bucket(name)];
            int failures = state.Failures == int.MaxValue ? int.MaxValue : state.Failures + 1;
            state = (failures, options.LockoutAfter(failures) is { } span ? now + span : state.LockedUntil);
        }
    }

    private int Bucket(string name)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(bucketKey, Encoding.UTF8.GetBytes(name), mac);
        return (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mac) % Buckets);
    }

    private void Refill()
    {
        var now = time.GetUtcNow();
        tokens = Math.Min(options.GlobalFailureBurst, tokens + ((now - refilled).TotalSeconds / options.GlobalFailureRefillSeconds));
        refilled = now;
    }
}
