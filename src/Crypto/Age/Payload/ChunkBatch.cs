using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": a run of consecutive STREAM chunks with its own buffers, sealed or opened one chunk at a time by
/// whoever claims the chunk (<see cref="ChunkWorkers"/>: the payload stream's caller or a pool thread). Each chunk has
/// its own nonce and tag, so the chunks are independent; the payload streams decide, in chunk order, what of the result
/// is released.
/// </summary>
internal sealed class ChunkBatch : IDisposable
{
    /// <summary>Chunks per batch in a long payload: 16 × 64 KiB = 1 MiB per read or write.</summary>
    public const int MaxChunks = 16;

    private bool opening;
    private ulong firstCounter;
    private bool lastIsFinal;
    private int finished;
    private ExceptionDispatchInfo? failure;

    public ChunkBatch(int chunks)
    {
        Chunks = chunks;
        Ciphertext = GC.AllocateUninitializedArray<byte>(chunks * PayloadKey.EncryptedChunkSize);
        Plaintext = GC.AllocateUninitializedArray<byte>(chunks * PayloadKey.ChunkSize);
        Verdicts = new Opened[chunks];
    }

    /// <summary>How one chunk opened.</summary>
    public enum Opened : byte
    {
        Failed,
        NonFinal,
        Final,
    }

    /// <summary>
    /// Batches in flight in a long payload (being read, opened or sealed, or waiting to be written): one per worker
    /// and two more, so that reading or writing never waits for the workers while they have work; a fixed amount of
    /// memory (about 2 MiB each). One core: no pool, one batch at a time.
    /// </summary>
    public static int PipelineDepth => ChunkWorkers.PoolWorkers > 0 ? ChunkWorkers.PoolWorkers + 3 : 1;

    /// <summary>Capacity in chunks.</summary>
    public int Chunks { get; }

    /// <summary>Opening: the chunks as read. Sealing: the sealed chunks, <see cref="CiphertextLength"/> bytes.</summary>
    public byte[] Ciphertext { get; }

    /// <summary>Opening: chunk i's plaintext at i × 64 KiB (failed chunks zeroed). Sealing: the input.</summary>
    public byte[] Plaintext { get; }

    /// <summary>Opening: the verdict on each of the first <see cref="SliceCount"/> chunks.</summary>
    public Opened[] Verdicts { get; }

    public int CiphertextLength { get; private set; }

    /// <summary>How many chunks this run has (an empty read to open is one slice, which fails).</summary>
    public int SliceCount { get; private set; }

    /// <summary>Chunks handed out to a worker so far; only <see cref="ChunkWorkers"/> touches it, under its lock.</summary>
    internal int Claimed { get; set; }

    /// <summary>True once every chunk of the run has been sealed or opened (or given up, see <see cref="ChunkWorkers.Cancel"/>).</summary>
    public bool IsDone => Volatile.Read(ref finished) == SliceCount;

    /// <summary>
    /// Prepares opening the first <paramref name="length"/> bytes of <see cref="Ciphertext"/>, cut every 64 KiB + 16
    /// bytes, the first chunk having number <paramref name="counter"/>. A chunk shorter than a full one is tried as the
    /// final chunk only; a full one as a non-final chunk, then as the final one (there is no length field, only trying
    /// tells).
    /// </summary>
    public void PrepareOpen(ulong counter, int length)
    {
        opening = true;
        firstCounter = counter;
        CiphertextLength = length;
        Reset(Math.Max(1, (length + PayloadKey.EncryptedChunkSize - 1) / PayloadKey.EncryptedChunkSize));
    }

    /// <summary>
    /// Prepares sealing the first <paramref name="length"/> bytes of <see cref="Plaintext"/> as chunks numbered from
    /// <paramref name="counter"/> (every 64 KiB; at least one chunk); only the last one may be final.
    /// </summary>
    public void PrepareSeal(ulong counter, int length, bool lastIsFinal)
    {
        opening = false;
        firstCounter = counter;
        this.lastIsFinal = lastIsFinal;
        int slices = Math.Max(1, (length + PayloadKey.ChunkSize - 1) / PayloadKey.ChunkSize);
        CiphertextLength = length + (slices * Aead.TagSize);
        Reset(slices);
    }

    /// <summary>Seals or opens chunk <paramref name="i"/>; returns what it threw instead of throwing (pool threads run it).</summary>
    public Exception? Run(Aead aead, int i)
    {
        try
        {
            if (opening)
            {
                Verdicts[i] = OpenChunk(aead, i);
            }
            else
            {
                SealChunk(aead, i);
            }

            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>Counts <paramref name="count"/> chunks as done; under <see cref="ChunkWorkers"/>' lock.</summary>
    internal void Finish(int count, Exception? error)
    {
        if (error is not null)
        {
            failure ??= ExceptionDispatchInfo.Capture(error);
        }

        Volatile.Write(ref finished, finished + count);
    }

    /// <summary>After <see cref="ChunkWorkers.Complete"/>: rethrows whatever sealing or opening a chunk threw.</summary>
    public void ThrowIfFailed() => failure?.Throw();

    /// <summary>Only once <see cref="IsDone"/>: a worker may still be using the buffers before that.</summary>
    public void Dispose() => CryptographicOperations.ZeroMemory(Plaintext);

    private void Reset(int slices)
    {
        failure = null;
        SliceCount = slices;
        Claimed = 0;
        Volatile.Write(ref finished, 0);
    }

    private Opened OpenChunk(Aead aead, int i)
    {
        int start = i * PayloadKey.EncryptedChunkSize;
        int size = Math.Min(PayloadKey.EncryptedChunkSize, CiphertextLength - start);
        if (size < Aead.TagSize)
        {
            return Opened.Failed;
        }

        bool final = size < PayloadKey.EncryptedChunkSize;
        ReadOnlySpan<byte> input = Ciphertext.AsSpan(start, size);
        Span<byte> output = Plaintext.AsSpan(i * PayloadKey.ChunkSize, size - Aead.TagSize);
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        PayloadKey.ChunkNonce(checked(firstCounter + (ulong)i), final, nonce);
        if (aead.TryOpen(nonce, input, output))
        {
            return final ? Opened.Final : Opened.NonFinal;
        }

        if (!final)
        {
            nonce[^1] = 1;
            if (aead.TryOpen(nonce, input, output))
            {
                return Opened.Final;
            }
        }

        return Opened.Failed;
    }

    private void SealChunk(Aead aead, int i)
    {
        bool last = i == SliceCount - 1;
        int start = i * PayloadKey.ChunkSize;
        int size = last ? CiphertextLength - (SliceCount * Aead.TagSize) - start : PayloadKey.ChunkSize;
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        PayloadKey.ChunkNonce(checked(firstCounter + (ulong)i), last && lastIsFinal, nonce);
        aead.Seal(nonce, Plaintext.AsSpan(start, size), Ciphertext.AsSpan(i * PayloadKey.EncryptedChunkSize, size + Aead.TagSize));
    }
}
