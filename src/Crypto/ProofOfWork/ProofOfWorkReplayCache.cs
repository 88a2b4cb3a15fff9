namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// Remembers the ids of spent challenges until they expire, so each challenge buys exactly one upload. Memory is
/// bounded: expired ids are forgotten, and when the cache is full of live ids it refuses instead of growing. Ids are
/// forgotten in the order they were spent (challenges share one lifetime), a few at each call, so a full cache never
/// makes a request scan all of it.
/// </summary>
public sealed class ProofOfWorkReplayCache
{
    private readonly Dictionary<string, DateTimeOffset> spent = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset ExpiresAt)> order = new();
    private readonly Lock gate = new();
    private readonly int capacity;
    private readonly TimeProvider time;

    /// <summary>Creates a cache that holds at most <paramref name="capacity"/> unexpired ids.</summary>
    public ProofOfWorkReplayCache(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        this.capacity = capacity;
        this.time = time;
    }

    /// <summary>The number of ids currently remembered (expired ones may linger until the next purge).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return spent.Count;
            }
        }
    }

    /// <summary>Marks an id as spent.</summary>
    /// <returns><see cref="ProofOfWorkVerdict.Accepted"/>, <see cref="ProofOfWorkVerdict.Replayed"/> if the id was
    /// already spent, or <see cref="ProofOfWorkVerdict.Busy"/> if the cache is full.</returns>
    public ProofOfWorkVerdict TrySpend(string id, DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (gate)
        {
            DateTimeOffset now = time.GetUtcNow();
            Purge(now);
            if (spent.TryGetValue(id, out DateTimeOffset knownExpiry) && knownExpiry > now)
            {
                return ProofOfWorkVerdict.Replayed;
            }

            if (spent.Count >= capacity)
            {
                return ProofOfWorkVerdict.Busy;
            }

            spent[id] = expiresAt;
            order.Enqueue((id, expiresAt));
            return ProofOfWorkVerdict.Accepted;
        }
    }

    /// <summary>Forgets every id whose challenge has expired (an expired challenge is refused anyway).</summary>
    public void PurgeExpired()
    {
        lock (gate)
        {
            Purge(time.GetUtcNow());
        }
    }

    private void Purge(DateTimeOffset now)
    {
        while (order.TryPeek(out var head) && head.ExpiresAt <= now)
        {
            order.Dequeue();
            if (spent.TryGetValue(head.Id, out DateTimeOffset expiry) && expiry <= now)
            {
                spent.Remove(head.Id);
            }
        }
    }
}
