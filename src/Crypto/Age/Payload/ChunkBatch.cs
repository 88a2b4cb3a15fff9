using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": a run of consecutive STREAM chunks with its own buffers and its own cipher (an instance is not
/// safe to share), sealed or opened on the thread pool while the payload stream's caller does the I/O. Each chunk has
/// its own nonce and tag, so batches are independent; the payload streams decide, in chunk order, what of the result
/// is released. Whoever gets to a started batch first runs it: a pool thread, or the caller in <see cref="Wait"/>, so
/// a busy pool never makes a stream slower than doing the work itself.
/// </summary>
internal sealed class ChunkBatch : IThreadPoolWorkItem, IDisposable
{
    /// <summary>Chunks per batch in a long payload: 16 × 64 KiB = 1 MiB per read or write.</summary>
    public const int MaxChunks = 16;

    /// <summary>
    /// Batches in flight in a long payload (being read, opened or sealed, or waiting to be written): enough to keep
    /// every core busy, and a fixed amount of memory (about 2 MiB each). One core: no pool, one batch at a time.
    /// </summary>
    public static int PipelineDepth => Environment.ProcessorCount > 1 ? Math.Min(Environment.ProcessorCount, 8) + 2 : 1;

    private readonly Aead aead;
    private readonly ManualResetEventSlim done = new(initialState: true, spinCount: 0);
    private int claimed = 1;
    private bool opening;
    private ulong firstCounter;
    private bool lastIsFinal;
    private ExceptionDispatchInfo? failure;

    public ChunkBatch(int chunks, ReadOnlySpan<byte> payloadKey, bool bouncyCastle)
    {
        Chunks = chunks;
        Ciphertext = GC.AllocateUninitializedArray<byte>(chunks * PayloadKey.EncryptedChunkSize);
        Plaintext = GC.AllocateUninitializedArray<byte>(chunks * PayloadKey.ChunkSize);
        Verdicts = new Opened[chunks];
        aead = Aead.Create(payloadKey, bouncyCastle);
    }

    /// <summary>How one chunk opened.</summary>
    public enum Opened : byte
    {
        Failed,
        NonFinal,
        Final,
    }

    /// <summary>Capacity in chunks.</summary>
    public int Chunks { get; }

    /// <summary>Opening: the chunks as read. Sealing: the sealed chunks, <see cref="CiphertextLength"/> bytes.</summary>
    public byte[] Ciphertext { get; }

    /// <summary>Opening: chunk i's plaintext at i × 64 KiB (failed chunks zeroed). Sealing: the input.</summary>
    public byte[] Plaintext { get; }

    /// <summary>Opening: the verdict on each of the first <see cref="SliceCount"/> chunks.</summary>
    public Opened[] Verdicts { get; }

    public int CiphertextLength { get; private set; }

    /// <summary>Opening: how many 64 KiB + 16-byte slices the ciphertext was cut into (an empty read is one).</summary>
    public int SliceCount { get; private set; }

    /// <summary>True once the started work has finished (or when none was started).</summary>
    public bool IsDone => done.IsSet;

    /// <summary>
    /// Opens the first <paramref name="length"/> bytes of <see cref="Ciphertext"/>, cut every 64 KiB + 16 bytes,
    /// the first chunk having number <paramref name="counter"/>. A chunk shorter than a full one is tried as the final
    /// chunk only; a full one as a non-final chunk, then as the final one (there is no length field, only trying tells).
    /// </summary>
    public void StartOpen(ulong counter, int length, bool onPool)
    {
        opening = true;
        firstCounter = counter;
        CiphertextLength = length;
        SliceCount = Math.Max(1, (length + PayloadKey.EncryptedChunkSize - 1) / PayloadKey.EncryptedChunkSize);
        Start(onPool);
    }

    /// <summary>
    /// Seals the first <paramref name="length"/> bytes of <see cref="Plaintext"/> as chunks numbered from
    /// <paramref name="counter"/> (every 64 KiB; at least one chunk); only the last one may be final.
    /// </summary>
    public void StartSeal(ulong counter, int length, bool lastIsFinal, bool onPool)
    {
        opening = false;
        firstCounter = counter;
        this.lastIsFinal = lastIsFinal;
        SliceCount = Math.Max(1, (length + PayloadKey.ChunkSize - 1) / PayloadKey.ChunkSize);
        CiphertextLength = length + (SliceCount * Aead.TagSize);
        Start(onPool);
    }

    /// <summary>Runs the started work here unless a pool thread has it already, then waits for it.</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref claimed, 1) == 0)
        {
            Run();
        }

        done.Wait();
    }

    /// <summary><see cref="Complete"/>, then rethrows whatever the work threw.</summary>
    public void Wait()
    {
        Complete();
        failure?.Throw();
    }

    /// <summary>Runs on a pool thread, unless the owner took the batch in the meantime.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        if (Interlocked.Exchange(ref claimed, 1) == 0)
        {
            Run();
        }
    }

    /// <summary>Only after <see cref="Complete"/>: a pool thread may still be using the buffers before that.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(Plaintext);
        aead.Dispose();
        done.Dispose();
    }

    private void Start(bool onPool)
    {
        failure = null;
        done.Reset();
        if (onPool)
        {
            Volatile.Write(ref claimed, 0);
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        else
        {
            Run();
        }
    }

    private void Run()
    {
        try
        {
            if (opening)
            {
                for (int i = 0; i < SliceCount; i++)
                {
                    Verdicts[i] = OpenChunk(i);
                }
            }
            else
            {
                for (int i = 0; i < SliceCount; i++)
                {
                    SealChunk(i);
                }
            }
        }
        catch (Exception e)
        {
            // Rethrown to the stream's caller by Wait; a pool thread must not die of it.
            failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            done.Set();
        }
    }

    private Opened OpenChunk(int i)
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

    private void SealChunk(int i)
    {
        bool last = i == SliceCount - 1;
        int start = i * PayloadKey.ChunkSize;
        int size = last ? CiphertextLength - (SliceCount * Aead.TagSize) - start : PayloadKey.ChunkSize;
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        PayloadKey.ChunkNonce(checked(firstCounter + (ulong)i), last && lastIsFinal, nonce);
        aead.Seal(nonce, Plaintext.AsSpan(start, size), Ciphertext.AsSpan(i * PayloadKey.EncryptedChunkSize, size + Aead.TagSize));
    }
}
