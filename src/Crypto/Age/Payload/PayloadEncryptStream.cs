using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;
using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": STREAM encryption in constant memory. A full buffer is sealed as non-final chunks only once more
/// data arrives, so the final chunk is never empty unless the whole payload is; Dispose seals it.
/// <para>
/// Plaintext is collected in batches (<see cref="ChunkBatch"/>): one chunk until more data comes, then
/// <see cref="ChunkBatch.MaxChunks"/>. Full batches are sealed by pool threads while the caller goes on writing;
/// sealed batches are written to the output in order, on the caller's thread, with at most
/// <see cref="ChunkBatch.PipelineDepth"/> of them in flight. When the oldest is not sealed by the time the caller must
/// write it, the caller seals the rest of it itself (<see cref="ChunkWorkers"/>).
/// </para>
/// </summary>
internal sealed class PayloadEncryptStream : WriteOnlyStreamBase
{
    private readonly Stream output;
    private readonly bool leaveOpen;
    private readonly ChunkWorkers workers;
    private readonly Queue<ChunkBatch> sealing = new();
    private readonly Stack<ChunkBatch> spare = new();
    private readonly List<ChunkBatch> all = [];
    private int depth = 1;
    private ChunkBatch current;
    private int buffered;
    private ulong counter;
    private bool disposed;
    private ExceptionDispatchInfo? failure;

    public PayloadEncryptStream(Stream output, ReadOnlySpan<byte> payloadKey, bool leaveOpen)
    {
        this.output = output;
        this.leaveOpen = leaveOpen;
        workers = new ChunkWorkers(payloadKey, Aead.ForceBouncyCastle, ChunkWorkers.PoolWorkers);
        current = Create(1);
    }

    private int Capacity => current.Chunks * PayloadKey.ChunkSize;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        failure?.Throw();
        while (!buffer.IsEmpty)
        {
            if (buffered == Capacity)
            {
                // More data has arrived, so none of the full batch is final.
                SealCurrent(final: false);
                current = Take();
                buffered = 0;
            }

            int n = Math.Min(Capacity - buffered, buffer.Length);
            buffer[..n].CopyTo(current.Plaintext.AsSpan(buffered));
            buffered += n;
            buffer = buffer[n..];
        }
    }

    /// <summary>Writes out everything sealed so far (a partial chunk stays buffered), then flushes the output.</summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        failure?.Throw();
        while (sealing.Count > 0)
        {
            WriteOldest();
        }

        output.Flush();
    }

    private void SealCurrent(bool final)
    {
        current.PrepareSeal(counter, buffered, final);
        if (depth > 1)
        {
            workers.Start(current);
        }

        sealing.Enqueue(current);
        counter = checked(counter + (ulong)current.SliceCount);
        if (!final && current.Chunks == 1)
        {
            // The payload goes on: from now on, whole batches are sealed on the pool.
            depth = ChunkBatch.PipelineDepth;
        }
    }

    /// <summary>A batch to fill: what has been sealed meanwhile goes out first, so that one is usually free.</summary>
    private ChunkBatch Take()
    {
        while (sealing.Count > 0 && (sealing.Peek().IsDone || sealing.Count >= depth))
        {
            WriteOldest();
        }

        return spare.Count > 0 ? spare.Pop() : Create(ChunkBatch.MaxChunks);
    }

    private ChunkBatch Create(int chunks)
    {
        var batch = new ChunkBatch(chunks);
        all.Add(batch);
        return batch;
    }

    private void WriteOldest()
    {
        ChunkBatch batch = sealing.Peek();
        try
        {
            workers.Complete(batch);
            batch.ThrowIfFailed();
            output.Write(batch.Ciphertext, 0, batch.CiphertextLength);
        }
        catch (Exception e)
        {
            // The output is now incomplete: nothing more may be written to it, not even a final chunk.
            failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }

        sealing.Dequeue();
        if (batch.Chunks == ChunkBatch.MaxChunks)
        {
            spare.Push(batch);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            try
            {
                // After a failed write the output is incomplete and stays so (the failure was reported then).
                if (failure is null)
                {
                    // The rest, as whole chunks then the final one (empty only when the whole payload is).
                    SealCurrent(final: true);
                    while (sealing.Count > 0)
                    {
                        WriteOldest();
                    }

                    output.Flush();
                }
            }
            finally
            {
                // Chunks still being sealed on the pool must be finished before the buffers are wiped.
                foreach (ChunkBatch batch in all)
                {
                    workers.Cancel(batch);
                    batch.Dispose();
                }

                workers.Dispose();
                if (!leaveOpen)
                {
                    output.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }
}
