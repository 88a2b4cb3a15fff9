using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;
using WhistleSubmit.Crypto.Streams;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": STREAM decryption in constant memory. Only authenticated plaintext is ever returned; a truncated,
/// reordered, re-flagged or extended payload fails with <see cref="AgeErrorKind.Payload"/> from
/// <see cref="Read(Span{byte})"/> after the chunks before it were released, which is the behaviour the CCTV vectors
/// pin down (and matches Go age).
/// <para>
/// The payload is read in batches (<see cref="ChunkBatch"/>): one chunk until the payload proves longer, then
/// <see cref="ChunkBatch.MaxChunks"/>, so small files cost no more than before. For a long payload the caller's thread
/// reads a few batches ahead (<see cref="ChunkBatch.PipelineDepth"/> batches, a fixed amount of memory) and pool threads
/// open their chunks meanwhile, so reading, decrypting and the caller's writing overlap; when the caller needs a batch
/// that is not done, it opens the rest of it itself (<see cref="ChunkWorkers"/>). The verdicts are applied in chunk
/// order, exactly as if the chunks were read one by one: the first failure ends the released plaintext, and whatever
/// was decrypted after it is wiped and never returned.
/// </para>
/// </summary>
internal sealed class PayloadDecryptStream : ReadOnlyStreamBase
{
    private readonly Stream source;
    private readonly bool leaveOpen;
    private readonly ChunkWorkers workers;
    private readonly Queue<Pending> pending = new();
    private readonly Stack<ChunkBatch> spare = new();
    private readonly List<ChunkBatch> all = [];
    private int batchChunks = 1;
    private int depth = 1;
    private ChunkBatch? current;
    private int plainStart;
    private int plainEnd;
    private ulong readCounter;
    private ulong counter;
    private bool readEnded;
    private bool finished;
    private bool disposed;
    private Exception? error;

    public PayloadDecryptStream(Stream source, ReadOnlySpan<byte> payloadKey, bool leaveOpen)
    {
        this.source = source;
        this.leaveOpen = leaveOpen;
        workers = new ChunkWorkers(payloadKey, Aead.ForceBouncyCastle, ChunkWorkers.PoolWorkers);
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (buffer.IsEmpty || (plainStart == plainEnd && !Advance()))
        {
            return 0;
        }

        int n = Math.Min(buffer.Length, plainEnd - plainStart);
        current!.Plaintext.AsSpan(plainStart, n).CopyTo(buffer);
        plainStart += n;
        return n;
    }

    /// <summary>Writes the plaintext straight from the batches' buffers: no copy through an intermediate buffer.</summary>
    public override void CopyTo(Stream destination, int bufferSize)
    {
        ValidateCopyToArguments(destination, bufferSize);
        ObjectDisposedException.ThrowIf(disposed, this);
        while (plainStart < plainEnd || Advance())
        {
            int start = plainStart;
            plainStart = plainEnd;
            destination.Write(current!.Plaintext, start, plainEnd - start);
        }
    }

    /// <summary>Makes the next authenticated plaintext available in [plainStart, plainEnd); false at the end.</summary>
    private bool Advance()
    {
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        if (finished)
        {
            return false;
        }

        plainStart = 0;
        plainEnd = 0;
        try
        {
            plainEnd = DecryptNextBatch();
        }
        catch (Exception e)
        {
            // Whatever failed (a chunk's cipher on a pool thread too), nothing more is released: fail-stop.
            error = e;
            if (current is not null)
            {
                workers.Cancel(current);
                CryptographicOperations.ZeroMemory(current.Plaintext);
            }

            Abandon();
            throw;
        }

        return plainEnd > 0;
    }

    /// <summary>Returns the number of plaintext bytes released at the start of the batch; 0 only at the end.</summary>
    private int DecryptNextBatch()
    {
        Recycle();
        Fill();
        if (pending.Count == 0)
        {
            // The source ended after a non-final chunk, as an empty read would have shown.
            throw Fail("The payload is truncated.");
        }

        Pending next = pending.Dequeue();
        current = next.Batch;
        if (next.ReadError is not null)
        {
            ThrowReadFailure(next.ReadError);
        }

        ChunkBatch batch = next.Batch;
        workers.Complete(batch);
        batch.ThrowIfFailed();

        int released = 0;
        AgeException? failure = null;
        for (int i = 0; i < batch.SliceCount; i++)
        {
            int size = Math.Min(PayloadKey.EncryptedChunkSize, batch.CiphertextLength - (i * PayloadKey.EncryptedChunkSize));
            failure = Verdict(size, batch.Verdicts[i]);
            if (failure is not null)
            {
                break;
            }

            counter = checked(counter + 1);
            released += size - Aead.TagSize;
            if (batch.Verdicts[i] == ChunkBatch.Opened.Final)
            {
                // The final chunk is authentic and released; anything after it makes the file invalid.
                bool more = i < batch.SliceCount - 1 || (!next.SourceEnded && NextHasData());
                failure = more ? Fail("The payload has data after its final chunk.") : null;
                finished = !more;
                break;
            }
        }

        // Chunks after the first failure (or after the final chunk) may have opened: never let them out.
        CryptographicOperations.ZeroMemory(batch.Plaintext.AsSpan(released));

        if (failure is not null)
        {
            if (released == 0)
            {
                throw failure;
            }

            error = failure;
            Abandon();
        }
        else if (!next.SourceEnded && batchChunks == 1)
        {
            // The payload goes on: from now on, read whole batches ahead (this one-chunk batch is retired).
            batchChunks = ChunkBatch.MaxChunks;
            depth = ChunkBatch.PipelineDepth;
        }

        return released;
    }

    /// <summary>Reads batches until <see cref="depth"/> are pending or the source ended, starting each one's opening.</summary>
    private void Fill()
    {
        while (!readEnded && pending.Count < depth)
        {
            ChunkBatch batch = Take();
            int wanted = batch.Chunks * PayloadKey.EncryptedChunkSize;
            int n = 0;
            Exception? readError = null;
            try
            {
                n = source.ReadAtLeast(batch.Ciphertext.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
            }
            catch (Exception e)
            {
                // Reported when the caller gets this far, after the chunks before it, as if read one by one.
                readError = e;
            }

            readEnded = readError is not null || n < wanted;
            if (readError is null)
            {
                batch.PrepareOpen(readCounter, n);
                if (depth > 1)
                {
                    workers.Start(batch);
                }
            }

            pending.Enqueue(new Pending(batch, readEnded, readError));
            readCounter = checked(readCounter + (ulong)batch.Chunks);
        }
    }

    /// <summary>Whether anything follows a final chunk that ended a full batch.</summary>
    private bool NextHasData()
    {
        Fill();
        if (pending.Count == 0)
        {
            return false;
        }

        Pending next = pending.Peek();
        if (next.ReadError is not null)
        {
            ThrowReadFailure(next.ReadError);
        }

        return next.Batch.CiphertextLength > 0;
    }

    /// <summary>The verdict on one chunk in sequence, as the one-chunk-at-a-time reader would have reached it.</summary>
    private AgeException? Verdict(int size, ChunkBatch.Opened opened)
    {
        if (size < Aead.TagSize)
        {
            // Covers both "no chunks at all" and "the stream ended before a final chunk".
            return Fail("The payload is truncated.");
        }

        if (size == Aead.TagSize && counter != 0)
        {
            return Fail("The payload ends with an empty chunk.");
        }

        return opened == ChunkBatch.Opened.Failed ? Fail("The payload failed authentication.") : null;
    }

    private ChunkBatch Take()
    {
        if (spare.Count > 0)
        {
            return spare.Pop();
        }

        var batch = new ChunkBatch(batchChunks);
        all.Add(batch);
        return batch;
    }

    /// <summary>Returns the batch the caller has emptied for reuse (not the retired one-chunk batch).</summary>
    private void Recycle()
    {
        if (current?.Chunks == batchChunks)
        {
            spare.Push(current);
        }

        current = null;
    }

    /// <summary>After a failure: waits for the batches read ahead and wipes them; nothing more is read.</summary>
    private void Abandon()
    {
        readEnded = true;
        while (pending.Count > 0)
        {
            ChunkBatch batch = pending.Dequeue().Batch;
            workers.Cancel(batch);
            CryptographicOperations.ZeroMemory(batch.Plaintext);
        }
    }

    /// <summary>
    /// An I/O failure becomes a payload error (the source is at an unknown position: nothing after it can be trusted to
    /// line up); anything else, an armor error for one, is rethrown as the source threw it.
    /// </summary>
    [DoesNotReturn]
    private static void ThrowReadFailure(Exception e)
    {
        if (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            throw new AgeException(AgeErrorKind.Payload, "The payload could not be read.", e);
        }

        ExceptionDispatchInfo.Throw(e);
    }

    private static AgeException Fail(string message) => new(AgeErrorKind.Payload, message);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            foreach (ChunkBatch batch in all)
            {
                // Chunks still being opened on the pool must be finished before the buffers are wiped.
                workers.Cancel(batch);
                batch.Dispose();
            }

            workers.Dispose();
            if (!leaveOpen)
            {
                source.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>A batch read ahead: whether the source ended with it, or the error that ended the reading.</summary>
    private readonly record struct Pending(ChunkBatch Batch, bool SourceEnded, Exception? ReadError);
}
