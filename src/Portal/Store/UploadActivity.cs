namespace WhistleSubmit.Portal.Store;

/// <summary>
/// What the quota checks need of every unfinished upload, kept in memory so that creating an upload or storing a chunk
/// never reads every session under the store's write lock, and the time of each upload's last chunk, which the store
/// must never hold (it keeps UTC days only; SECURITY.md#what-a-seized-portal-reveals). Changed only inside the store's
/// write transactions, which run one at a time; read under its own lock.
/// <para>
/// An upload reserves what it has received plus, while it is active, the next <see cref="StoreOptions.ReservationWindowBytes"/>
/// (never its whole declared size: declaring 2 GiB and sending nothing reserves one window). One that sent no chunk for
/// <see cref="StoreOptions.UploadIdleSeconds"/> reserves only what it received; its next chunk makes it active again.
/// After a restart every upload counts as active from the start. Only a stored chunk makes an upload active: a refused
/// request, a body that never completes or a stored chunk sent again does not (an empty PUT every few minutes must not
/// hold a window for ever).
/// </para>
/// </summary>
internal sealed class UploadActivity(StoreOptions options, TimeProvider time)
{
    private readonly Dictionary<string, Entry> uploads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> perMailbox = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly HashSet<string> bodiesInFlight = new(StringComparer.Ordinal);
    private bool loaded;

    public bool Loaded
    {
        get
        {
            lock (gate)
            {
                return loaded;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return uploads.Count;
            }
        }
    }

    /// <summary>Fills the table from the sessions in the store (once, inside a write transaction).</summary>
    public void Load(IEnumerable<(string Id, string Mailbox, long Size, long Received)> sessions)
    {
        lock (gate)
        {
            if (loaded)
            {
                return;
            }

            foreach (var (id, mailbox, size, received) in sessions)
            {
                AddCore(id, mailbox, size, received);
            }

            loaded = true;
        }
    }

    public void Add(string id, string mailbox, long size)
    {
        lock (gate)
        {
            AddCore(id, mailbox, size, 0);
        }
    }

    public void Received(string id, long received)
    {
        lock (gate)
        {
            if (uploads.TryGetValue(id, out var entry))
            {
                uploads[id] = entry with { Received = received, Last = time.GetUtcNow().UtcTicks };
            }
        }
    }

    public void Remove(string id)
    {
        lock (gate)
        {
            RemoveCore(id);
        }
    }

    public int PendingFor(string mailbox)
    {
        lock (gate)
        {
            return perMailbox.GetValueOrDefault(mailbox);
        }
    }

    /// <summary>Declared bytes of a mailbox's unfinished uploads (the per-mailbox quota counts what it asked for).</summary>
    public long DeclaredFor(string mailbox)
    {
        lock (gate)
        {
            return uploads.Values.Where(e => e.Mailbox == mailbox).Sum(e => Math.Max(e.Size, e.Received));
        }
    }

    /// <summary>Bytes received by every unfinished upload, and the windows the active ones hold on top.</summary>
    public (long Received, long Windows) Totals()
    {
        long now = time.GetUtcNow().UtcTicks;
        long received = 0;
        long windows = 0;
        lock (gate)
        {
            foreach (var entry in uploads.Values)
            {
                received += entry.Received;
                windows += Window(entry, now);
            }
        }

        return (received, windows);
    }

    /// <summary>
    /// Idle uploads (no accepted chunk for <see cref="StoreOptions.UploadIdleSeconds"/>) that are abandoned: those that
    /// never received a byte, and those idle for <see cref="StoreOptions.UploadAbandonedSeconds"/> whatever they hold
    /// (a browser gives an upload up after minutes of failed attempts and starts a new one). A candidate list only:
    /// each is removed only if <see cref="IsAbandoned(string)"/> still holds inside the removing transaction.
    /// </summary>
    public List<string> Abandoned()
    {
        long now = time.GetUtcNow().UtcTicks;
        lock (gate)
        {
            return [.. uploads.Where(p => IsAbandoned(p.Key, p.Value, now)).Select(p => p.Key)];
        }
    }

    /// <summary>Whether the upload is (still) abandoned now: checked again inside the transaction that removes it.</summary>
    public bool IsAbandoned(string id)
    {
        long now = time.GetUtcNow().UtcTicks;
        lock (gate)
        {
            return uploads.TryGetValue(id, out var entry) && IsAbandoned(id, entry, now);
        }
    }

    /// <summary>
    /// At <see cref="StoreOptions.MaxPendingUploads"/>: the upload idle longest (none with a body arriving), to be removed
    /// to make room for a new one, and what it received; null if every upload is active.
    /// </summary>
    public (string Id, long Received)? OldestIdle()
    {
        long now = time.GetUtcNow().UtcTicks;
        lock (gate)
        {
            (string Id, long Received)? oldest = null;
            long oldestLast = long.MaxValue;
            foreach (var (id, entry) in uploads)
            {
                if (Idle(entry, now) && entry.Last < oldestLast && !bodiesInFlight.Contains(id))
                {
                    oldest = (id, entry.Received);
                    oldestLast = entry.Last;
                }
            }

            return oldest;
        }
    }

    /// <summary>Whether the upload is in the table and active (its window counted); false also for unknown ids.</summary>
    public bool IsActive(string id)
    {
        lock (gate)
        {
            return uploads.TryGetValue(id, out var entry) && !Idle(entry, time.GetUtcNow().UtcTicks);
        }
    }

    /// <summary>The window a new upload of size bytes would hold.</summary>
    public long WindowFor(long size) => Math.Min(size, options.ReservationWindowBytes);

    /// <summary>
    /// Claims the right to send one chunk body of an upload: one at a time per upload, so many slow requests on one
    /// upload cannot take every body buffer. False if a body of that upload is already arriving.
    /// </summary>
    public bool TryBeginBody(string id)
    {
        lock (gate)
        {
            return bodiesInFlight.Add(id);
        }
    }

    public void EndBody(string id)
    {
        lock (gate)
        {
            bodiesInFlight.Remove(id);
        }
    }

    private long Window(Entry entry, long now) =>
        Idle(entry, now) ? 0 : Math.Min(Math.Max(0, entry.Size - entry.Received), options.ReservationWindowBytes);

    private bool IsAbandoned(string id, Entry entry, long now) =>
        Idle(entry, now) && !bodiesInFlight.Contains(id)
        && (entry.Received == 0 || now - entry.Last > TimeSpan.FromSeconds(options.UploadAbandonedSeconds).Ticks);

    private bool RemoveCore(string id)
    {
        if (!uploads.Remove(id, out var entry))
        {
            return false;
        }

        if (--perMailbox[entry.Mailbox] == 0)
        {
            perMailbox.Remove(entry.Mailbox);
        }

        return true;
    }

    private bool Idle(Entry entry, long now) => now - entry.Last > TimeSpan.FromSeconds(options.UploadIdleSeconds).Ticks;

    private void AddCore(string id, string mailbox, long size, long received)
    {
        if (uploads.TryAdd(id, new Entry(mailbox, size, received, time.GetUtcNow().UtcTicks)))
        {
            perMailbox[mailbox] = perMailbox.GetValueOrDefault(mailbox) + 1;
        }
    }

    private readonly record struct Entry(string Mailbox, long Size, long Received, long Last);
}
