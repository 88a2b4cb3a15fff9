using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spreads the chunks of a payload stream's started batches over the stream's caller and up to
/// <see cref="PoolWorkers"/> thread-pool threads, one chunk at a time, oldest batch first. The caller does the
/// stream's I/O between batches; when it needs a batch that is not done yet it opens or seals that batch's unclaimed
/// chunks itself instead of waiting. So while the caller reads or writes, the pool has the cores, and when the caller
/// has nothing else to do (a fast source and consumer, as in memory) every core, the caller's included, works on
/// chunks. One <see cref="Aead"/> per thread taking part, because a cipher instance is not safe to share.
/// </summary>
internal sealed class ChunkWorkers : IDisposable
{
    private readonly Lock gate = new();
    private readonly object signal = new();

    /// <summary>Started batches that still have unclaimed chunks, oldest first.</summary>
    private readonly List<ChunkBatch> started = [];
    private readonly Stack<Worker> idle = new();
    private readonly List<Worker> workers = [];
    private readonly Aead callerAead;
    private bool disposed;

    /// <summary>
    /// <paramref name="poolWorkers"/>: pool threads that may work at once besides the caller (0: the caller does
    /// everything); <paramref name="bouncyCastle"/>: the backend of the thread that asked for the stream.
    /// </summary>
    public ChunkWorkers(ReadOnlySpan<byte> payloadKey, bool bouncyCastle, int poolWorkers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(poolWorkers);
        callerAead = Aead.Create(payloadKey, bouncyCastle);
        for (int i = 0; i < poolWorkers; i++)
        {
            var worker = new Worker(this, Aead.Create(payloadKey, bouncyCastle));
            workers.Add(worker);
            idle.Push(worker);
        }
    }

    /// <summary>
    /// Pool threads for a long payload: one fewer than the cores (the caller is the last one), at most 7, none on one
    /// core.
    /// </summary>
    public static int PoolWorkers => Math.Min(Environment.ProcessorCount, 8) - 1;

    /// <summary>Hands the prepared <paramref name="batch"/>'s chunks to the pool (the caller may still take them in <see cref="Complete"/>).</summary>
    public void Start(ChunkBatch batch)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            started.Add(batch);
            for (int wake = Math.Min(idle.Count, batch.SliceCount); wake > 0; wake--)
            {
                ThreadPool.UnsafeQueueUserWorkItem(idle.Pop(), preferLocal: false);
            }
        }
    }

    /// <summary>
    /// Returns once every chunk of <paramref name="batch"/> is done, sealing or opening on the calling thread whatever
    /// no pool thread has taken yet (all of it when the batch was never started). Then call
    /// <see cref="ChunkBatch.ThrowIfFailed"/>.
    /// </summary>
    public void Complete(ChunkBatch batch)
    {
        while (true)
        {
            int chunk;
            lock (gate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                if (!TryClaim(batch, out chunk))
                {
                    break;
                }
            }

            Exception? error = batch.Run(callerAead, chunk);
            Finish(batch, 1, error);
        }

        WaitUntilDone(batch);
    }

    /// <summary>
    /// Gives up the chunks of <paramref name="batch"/> that nobody has taken and waits for those in progress, so its
    /// buffers may be wiped or reused. Its verdicts and ciphertext mean nothing afterwards.
    /// </summary>
    public void Cancel(ChunkBatch batch)
    {
        lock (gate)
        {
            int left = batch.SliceCount - batch.Claimed;
            if (left > 0)
            {
                batch.Claimed = batch.SliceCount;
                started.Remove(batch);
                Finish(batch, left, null);
            }
        }

        WaitUntilDone(batch);
    }

    /// <summary>Only when no batch has chunks in progress (every started one completed or cancelled).</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            // A worker still queued on the pool finds nothing to claim and never touches its cipher again.
            disposed = true;
            started.Clear();
        }

        callerAead.Dispose();
        foreach (Worker worker in workers)
        {
            worker.Aead.Dispose();
        }
    }

    /// <summary>Under the lock: the next chunk of <paramref name="batch"/>; the batch leaves the queue with its last one.</summary>
    private bool TryClaim(ChunkBatch batch, out int chunk)
    {
        chunk = batch.Claimed;
        if (chunk >= batch.SliceCount)
        {
            return false;
        }

        batch.Claimed = chunk + 1;
        if (batch.Claimed == batch.SliceCount)
        {
            started.Remove(batch);
        }

        return true;
    }

    private void Finish(ChunkBatch batch, int count, Exception? error)
    {
        bool done;
        lock (gate)
        {
            batch.Finish(count, error);
            done = batch.IsDone;
        }

        if (done)
        {
            lock (signal)
            {
                Monitor.PulseAll(signal);
            }
        }
    }

    /// <summary>Waits for the chunks of <paramref name="batch"/> that other threads are sealing or opening (one each at most).</summary>
    private void WaitUntilDone(ChunkBatch batch)
    {
        var spin = default(SpinWait);
        while (!batch.IsDone && !spin.NextSpinWillYield)
        {
            spin.SpinOnce();
        }

        lock (signal)
        {
            while (!batch.IsDone)
            {
                Monitor.Wait(signal);
            }
        }
    }

    /// <summary>A pool thread's turn: takes chunks, oldest batch first, until none is left unclaimed.</summary>
    private void Work(Worker worker)
    {
        while (true)
        {
            ChunkBatch batch;
            int chunk;
            lock (gate)
            {
                if (started.Count == 0)
                {
                    idle.Push(worker);
                    return;
                }

                batch = started[0];
                TryClaim(batch, out chunk);
            }

            Exception? error = batch.Run(worker.Aead, chunk);
            Finish(batch, 1, error);
        }
    }

    /// <summary>One pool thread's place, with its own cipher; queued only while idle, so it runs on one thread at a time.</summary>
    private sealed class Worker(ChunkWorkers owner, Aead aead) : IThreadPoolWorkItem
    {
        public Aead Aead { get; } = aead;

        public void Execute() => owner.Work(this);
    }
}
