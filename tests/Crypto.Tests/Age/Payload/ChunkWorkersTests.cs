using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Payload;

namespace WhistleSubmit.Crypto.Tests.Age.Payload;

/// <summary>
/// The payload streams' chunks are sealed and opened by whoever claims them: pool threads, or the stream's caller when
/// it needs a batch that is not done. These pin down that the result does not depend on who did the work, that a
/// caller never waits for a pool that does not come, and that batches can be given up while chunks are in flight.
/// </summary>
public class ChunkWorkersTests
{
    private const int Chunk = 64 * 1024;
    private const int EncryptedChunk = Chunk + 16;

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    [Test, CancelAfter(60_000)]
    public void Complete_NoPoolWorkers_CallerSealsAndOpensEveryChunk()
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes((3 * Chunk) + 5);
        using var workers = new ChunkWorkers(key, bouncyCastle: false, poolWorkers: 0);
        using var sealing = new ChunkBatch(ChunkBatch.MaxChunks);
        plaintext.CopyTo(sealing.Plaintext, 0);
        sealing.PrepareSeal(0, plaintext.Length, lastIsFinal: true);

        // Started, but no pool thread may take it: only the caller's Complete can do the work.
        workers.Start(sealing);
        workers.Complete(sealing);

        Assert.That(sealing.IsDone, Is.True);
        Assert.That(sealing.CiphertextLength, Is.EqualTo(plaintext.Length + (4 * 16)));
        using ChunkBatch opened = Open(workers, sealing.Ciphertext.AsSpan(0, sealing.CiphertextLength));
        Assert.That(opened.Verdicts[..4], Is.EqualTo(new[] { ChunkBatch.Opened.NonFinal, ChunkBatch.Opened.NonFinal, ChunkBatch.Opened.NonFinal, ChunkBatch.Opened.Final }));
        Assert.That(opened.Plaintext.AsSpan(0, plaintext.Length).ToArray(), Is.EqualTo(plaintext));
    }

    [Test, CancelAfter(60_000)]
    public void Complete_ManyBatchesOnThePool_SameCiphertextAndVerdictsAsTheCallerAlone([Values(1, 3)] int poolWorkers)
    {
        const int batches = 12;
        byte[] plaintext = RandomNumberGenerator.GetBytes(batches * ChunkBatch.MaxChunks * Chunk);
        byte[] alone = SealAll(plaintext, poolWorkers: 0);

        byte[] pooled = SealAll(plaintext, poolWorkers);

        Assert.That(pooled, Is.EqualTo(alone));

        // Open them again, all batches started before the first is completed, with one chunk tampered in batch 5.
        pooled[(5 * ChunkBatch.MaxChunks * EncryptedChunk) + (3 * EncryptedChunk) + 7] ^= 1;
        using var workers = new ChunkWorkers(key, bouncyCastle: false, poolWorkers);
        var opened = new List<ChunkBatch>();
        for (int b = 0; b < batches; b++)
        {
            var batch = new ChunkBatch(ChunkBatch.MaxChunks);
            int size = ChunkBatch.MaxChunks * EncryptedChunk;
            pooled.AsSpan(b * size, size).CopyTo(batch.Ciphertext);
            batch.PrepareOpen((ulong)(b * ChunkBatch.MaxChunks), size);
            workers.Start(batch);
            opened.Add(batch);
        }

        for (int b = 0; b < batches; b++)
        {
            workers.Complete(opened[b]);
            for (int i = 0; i < ChunkBatch.MaxChunks; i++)
            {
                ChunkBatch.Opened expected = (b, i) == (5, 3) ? ChunkBatch.Opened.Failed
                    : (b, i) == (batches - 1, ChunkBatch.MaxChunks - 1) ? ChunkBatch.Opened.Final : ChunkBatch.Opened.NonFinal;
                Assert.That(opened[b].Verdicts[i], Is.EqualTo(expected), $"batch {b}, chunk {i}");
            }

            int offset = b * ChunkBatch.MaxChunks * Chunk;
            byte[] expectedPlaintext = plaintext[offset..(offset + (ChunkBatch.MaxChunks * Chunk))];
            if (b == 5)
            {
                // A chunk that fails authentication is left zeroed.
                Array.Clear(expectedPlaintext, 3 * Chunk, Chunk);
            }

            Assert.That(opened[b].Plaintext, Is.EqualTo(expectedPlaintext), $"batch {b}");
            opened[b].Dispose();
        }
    }

    [Test, CancelAfter(60_000)]
    public void Cancel_WhileChunksAreInFlight_EveryBatchDoneAndDisposeIsClean()
    {
        var workers = new ChunkWorkers(key, bouncyCastle: false, poolWorkers: 3);
        var batches = new List<ChunkBatch>();
        for (int b = 0; b < 8; b++)
        {
            var batch = new ChunkBatch(ChunkBatch.MaxChunks);
            RandomNumberGenerator.Fill(batch.Plaintext);
            batch.PrepareSeal((ulong)(b * ChunkBatch.MaxChunks), batch.Plaintext.Length, lastIsFinal: false);
            workers.Start(batch);
            batches.Add(batch);
        }

        foreach (ChunkBatch batch in batches)
        {
            workers.Cancel(batch);
        }

        Assert.That(batches.Select(b => b.IsDone), Is.All.True);
        foreach (ChunkBatch batch in batches)
        {
            batch.Dispose();
            Assert.That(batch.Plaintext, Is.All.Zero);
        }

        Assert.That(workers.Dispose, Throws.Nothing);
        Assert.That(workers.Dispose, Throws.Nothing);
        Assert.That(() => workers.Complete(batches[0]), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test, CancelAfter(60_000)]
    public void Complete_ChunkThrowsOnAPoolThread_RethrownToTheCaller([Values(0, 1)] int poolWorkers)
    {
        using var workers = new ChunkWorkers(key, bouncyCastle: false, poolWorkers);
        using var batch = new ChunkBatch(ChunkBatch.MaxChunks);

        // The second chunk's number does not fit in the nonce's 64-bit counter.
        batch.PrepareOpen(ulong.MaxValue, 2 * EncryptedChunk);
        workers.Start(batch);
        workers.Complete(batch);

        Assert.That(batch.IsDone, Is.True);
        Assert.That(batch.ThrowIfFailed, Throws.TypeOf<OverflowException>());
        Assert.That(batch.Verdicts[0], Is.EqualTo(ChunkBatch.Opened.Failed));
    }

    private byte[] SealAll(byte[] plaintext, int poolWorkers)
    {
        using var workers = new ChunkWorkers(key, bouncyCastle: false, poolWorkers);
        using var sealedOut = new MemoryStream();
        int batchSize = ChunkBatch.MaxChunks * Chunk;
        var inFlight = new Queue<ChunkBatch>();
        for (int offset = 0; offset < plaintext.Length; offset += batchSize)
        {
            var batch = new ChunkBatch(ChunkBatch.MaxChunks);
            plaintext.AsSpan(offset, batchSize).CopyTo(batch.Plaintext);
            batch.PrepareSeal((ulong)(offset / Chunk), batchSize, lastIsFinal: offset + batchSize == plaintext.Length);
            workers.Start(batch);
            inFlight.Enqueue(batch);
        }

        while (inFlight.Count > 0)
        {
            using ChunkBatch batch = inFlight.Dequeue();
            workers.Complete(batch);
            batch.ThrowIfFailed();
            sealedOut.Write(batch.Ciphertext, 0, batch.CiphertextLength);
        }

        return sealedOut.ToArray();
    }

    /// <summary>Opens without starting the batch: the caller's Complete takes every chunk.</summary>
    private static ChunkBatch Open(ChunkWorkers workers, ReadOnlySpan<byte> ciphertext)
    {
        var batch = new ChunkBatch(ChunkBatch.MaxChunks);
        ciphertext.CopyTo(batch.Ciphertext);
        batch.PrepareOpen(0, ciphertext.Length);
        workers.Complete(batch);
        batch.ThrowIfFailed();
        return batch;
    }
}
