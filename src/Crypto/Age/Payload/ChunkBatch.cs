using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": seals or opens a run of consecutive STREAM chunks. Each chunk has its own nonce and tag, so the
/// chunks of a batch are independent and are spread over the cores; the callers decide, in chunk order, what of
/// the result is released. One <see cref="Aead"/> per worker, because a cipher instance is not safe to share.
/// </summary>
internal sealed class ChunkBatch : IDisposable
{
    /// <summary>Chunks per batch at most: 16 × 64 KiB = 1 MiB in flight, whatever the file size.</summary>
    public const int MaxChunks = 16;

    private readonly Aead[] aeads;

    public ChunkBatch(ReadOnlySpan<byte> payloadKey)
    {
        aeads = new Aead[Math.Clamp(Environment.ProcessorCount, 1, MaxChunks)];
        for (int i = 0; i < aeads.Length; i++)
        {
            aeads[i] = Aead.Create(payloadKey);
        }
    }

    /// <summary>
    /// Opens the chunks of <paramref name="ciphertext"/> (cut every 64 KiB + 16 bytes; the first has number
    /// <paramref name="firstCounter"/>) into <paramref name="plaintext"/> at every 64 KiB. A chunk shorter than a full
    /// one is tried as the final chunk only; a full one as a non-final chunk, then as the final one (there is no length
    /// field, only trying tells). Failed or too-short chunks are left zeroed and reported as <see cref="Opened.Failed"/>.
    /// </summary>
    public void Open(ulong firstCounter, byte[] ciphertext, int length, byte[] plaintext, int plaintextOffset, Opened[] results, int count)
    {
        Run(count, (aead, i) => results[i] = OpenChunk(aead, firstCounter, ciphertext, length, plaintext, plaintextOffset, i));
    }

    /// <summary>
    /// Seals the <paramref name="count"/> chunks of <paramref name="plaintext"/> (every 64 KiB, the last one
    /// <paramref name="lastLength"/> bytes) into <paramref name="ciphertext"/>; only the last one may be final.
    /// </summary>
    public void Seal(ulong firstCounter, ReadOnlyMemory<byte> plaintext, int count, int lastLength, bool lastIsFinal, byte[] ciphertext)
    {
        Run(count, (aead, i) =>
        {
            bool final = i == count - 1;
            int size = final ? lastLength : PayloadKey.ChunkSize;
            Span<byte> nonce = stackalloc byte[Aead.NonceSize];
            PayloadKey.ChunkNonce(checked(firstCounter + (ulong)i), final && lastIsFinal, nonce);
            ReadOnlySpan<byte> chunk = plaintext.Span.Slice(i * PayloadKey.ChunkSize, size);
            aead.Seal(nonce, chunk, ciphertext.AsSpan(i * PayloadKey.EncryptedChunkSize, size + Aead.TagSize));
        });
    }

    private void Run(int count, Action<Aead, int> chunk)
    {
        int workers = Math.Min(aeads.Length, count);
        if (workers <= 1)
        {
            // Small payloads (and one-core machines) stay on the calling thread.
            for (int i = 0; i < count; i++)
            {
                chunk(aeads[0], i);
            }

            return;
        }

        Parallel.For(0, workers, w =>
        {
            for (int i = w; i < count; i += workers)
            {
                chunk(aeads[w], i);
            }
        });
    }

    private static Opened OpenChunk(Aead aead, ulong firstCounter, byte[] ciphertext, int length, byte[] plaintext, int plaintextOffset, int i)
    {
        int start = i * PayloadKey.EncryptedChunkSize;
        int size = Math.Min(PayloadKey.EncryptedChunkSize, length - start);
        if (size < Aead.TagSize)
        {
            return Opened.Failed;
        }

        bool final = size < PayloadKey.EncryptedChunkSize;
        ReadOnlySpan<byte> input = ciphertext.AsSpan(start, size);
        Span<byte> output = plaintext.AsSpan(plaintextOffset + (i * PayloadKey.ChunkSize), size - Aead.TagSize);
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

    public void Dispose()
    {
        foreach (Aead aead in aeads)
        {
            aead.Dispose();
        }
    }

    /// <summary>How one chunk opened.</summary>
    public enum Opened : byte
    {
        Failed,
        NonFinal,
        Final,
    }
}
