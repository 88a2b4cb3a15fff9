using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": STREAM decryption in constant memory. Only authenticated plaintext is ever returned; a truncated,
/// reordered, re-flagged or extended payload fails with <see cref="AgeErrorKind.Payload"/> from
/// <see cref="Read(Span{byte})"/> after the chunks before it were released, which is the behaviour the CCTV vectors
/// pin down (and matches Go age).
/// <para>
/// Chunks are read and opened in batches (<see cref="ChunkBatch"/>, in parallel). The batch is one chunk until the payload
/// proves longer, then <see cref="ChunkBatch.MaxChunks"/>, so small files cost no more than before. Within a batch the verdicts are applied
/// in chunk order, exactly as if the chunks were read one by one: the first failure ends the released plaintext, and
/// whatever was decrypted after it is wiped before anything returns.
/// </para>
/// </summary>
internal sealed class PayloadDecryptStream : ReadOnlyStreamBase
{
    private readonly Stream source;
    private readonly bool leaveOpen;
    private readonly ChunkBatch batch;
    private readonly ChunkBatch.Opened[] verdicts = new ChunkBatch.Opened[ChunkBatch.MaxChunks];
    private int batchChunks = 1;
    private bool growBeforeNextBatch;
    private byte[] ciphertext = new byte[PayloadKey.EncryptedChunkSize];
    private byte[] plaintext = new byte[PayloadKey.ChunkSize];
    private int plainStart;
    private int plainEnd;
    private ulong counter;
    private bool finished;
    private bool disposed;
    private AgeException? error;

    public PayloadDecryptStream(Stream source, ReadOnlySpan<byte> payloadKey, bool leaveOpen)
    {
        this.source = source;
        this.leaveOpen = leaveOpen;
        batch = new ChunkBatch(payloadKey);
    }

    private int BatchPlaintextSize => batchChunks * PayloadKey.ChunkSize;

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer, offset, buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer) => Read(null, 0, buffer);

    /// <summary>
    /// A caller's array at least one batch long gets the plaintext decrypted straight into it (one copy fewer); a
    /// span cannot be handed to the workers, so it goes through our buffer.
    /// </summary>
    private int Read(byte[]? array, int offset, Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (plainStart < plainEnd)
        {
            return CopyOut(buffer);
        }

        if (error is not null)
        {
            throw error;
        }

        if (finished)
        {
            return 0;
        }

        if (growBeforeNextBatch)
        {
            Grow();
        }

        if (array is not null && buffer.Length >= BatchPlaintextSize)
        {
            return ReadBatch(array, offset);
        }

        plainStart = 0;
        plainEnd = ReadBatch(plaintext, 0);
        return plainEnd == 0 ? 0 : CopyOut(buffer);
    }

    private int CopyOut(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, plainEnd - plainStart);
        plaintext.AsSpan(plainStart, n).CopyTo(buffer);
        plainStart += n;
        return n;
    }

    private int ReadBatch(byte[] target, int offset)
    {
        try
        {
            return DecryptNextBatch(target, offset);
        }
        catch (AgeException e)
        {
            error = e;
            throw;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            // The source is now at an unknown position: nothing after this can be trusted to line up.
            error = new AgeException(AgeErrorKind.Payload, "The payload could not be read.", e);
            throw;
        }
    }

    /// <summary>Returns the number of plaintext bytes released into <paramref name="target"/>; 0 only at the end.</summary>
    private int DecryptNextBatch(byte[] target, int offset)
    {
        int wanted = batchChunks * PayloadKey.EncryptedChunkSize;
        int n = source.ReadAtLeast(ciphertext.AsSpan(0, wanted), wanted, throwOnEndOfStream: false);
        bool sourceEnded = n < wanted;

        // Slices of 64 KiB + 16 bytes; an empty read is one empty slice, which reports the truncation below.
        int chunks = Math.Max(1, (n + PayloadKey.EncryptedChunkSize - 1) / PayloadKey.EncryptedChunkSize);
        batch.Open(counter, ciphertext, n, target, offset, verdicts, chunks);

        int released = 0;
        AgeException? failure = null;
        for (int i = 0; i < chunks; i++)
        {
            int size = Math.Min(PayloadKey.EncryptedChunkSize, n - (i * PayloadKey.EncryptedChunkSize));
            failure = Verdict(size, verdicts[i]);
            if (failure is not null)
            {
                break;
            }

            counter = checked(counter + 1);
            released += size - Aead.TagSize;
            if (verdicts[i] == ChunkBatch.Opened.Final)
            {
                // The final chunk is authentic and released; anything after it makes the file invalid.
                bool more = i < chunks - 1 || (!sourceEnded && SourceHasMore());
                failure = more ? Fail("The payload has data after its final chunk.") : null;
                finished = !more;
                break;
            }
        }

        // Chunks after the first failure (or after the final chunk) may have opened: never let them out.
        int lastSize = n - ((chunks - 1) * PayloadKey.EncryptedChunkSize);
        int decrypted = ((chunks - 1) * PayloadKey.ChunkSize) + Math.Max(0, lastSize - Aead.TagSize);
        CryptographicOperations.ZeroMemory(target.AsSpan(offset + released, Math.Max(0, decrypted - released)));

        if (failure is not null)
        {
            if (released == 0)
            {
                throw failure;
            }

            error = failure;
        }
        else
        {
            // The payload goes on: read more at a time (the buffers grow once this batch was taken out).
            growBeforeNextBatch = !sourceEnded && batchChunks < ChunkBatch.MaxChunks;
        }

        return released;
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

    private bool SourceHasMore() => source.Read(stackalloc byte[1]) != 0;

    private void Grow()
    {
        // Called before a new batch, so the caller has taken everything out of our plaintext buffer.
        growBeforeNextBatch = false;
        CryptographicOperations.ZeroMemory(plaintext);
        batchChunks = ChunkBatch.MaxChunks;
        ciphertext = new byte[batchChunks * PayloadKey.EncryptedChunkSize];
        plaintext = new byte[batchChunks * PayloadKey.ChunkSize];
    }

    private static AgeException Fail(string message) => new(AgeErrorKind.Payload, message);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            CryptographicOperations.ZeroMemory(plaintext);
            batch.Dispose();
            if (!leaveOpen)
            {
                source.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
