using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": STREAM encryption in constant memory. A full buffer is sealed as non-final chunks only once more
/// data arrives, so the final chunk is never empty unless the whole payload is; Dispose seals it. Chunks are sealed in
/// batches (<see cref="ChunkBatch"/>, in parallel): one chunk until more data comes, then
/// <see cref="ChunkBatch.MaxChunks"/>.
/// </summary>
internal sealed class PayloadEncryptStream : WriteOnlyStreamBase
{
    private readonly Stream output;
    private readonly bool leaveOpen;
    private readonly ChunkBatch batch;
    private int batchChunks = 1;
    private byte[] plaintext = new byte[PayloadKey.ChunkSize];
    private byte[] ciphertext = new byte[PayloadKey.EncryptedChunkSize];
    private int buffered;
    private ulong counter;
    private bool disposed;

    public PayloadEncryptStream(Stream output, ReadOnlySpan<byte> payloadKey, bool leaveOpen)
    {
        this.output = output;
        this.leaveOpen = leaveOpen;
        batch = new ChunkBatch(payloadKey);
    }

    private int BatchPlaintextSize => batchChunks * PayloadKey.ChunkSize;

    /// <summary>Whole batches of a caller's array that are certainly not the last one are sealed without a copy.</summary>
    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        ObjectDisposedException.ThrowIf(disposed, this);
        ReadOnlyMemory<byte> data = buffer.AsMemory(offset, count);
        while (!data.IsEmpty)
        {
            if (buffered == BatchPlaintextSize)
            {
                SealBuffered();
            }

            if (buffered != 0 || data.Length <= BatchPlaintextSize)
            {
                break;
            }

            SealNonFinal(data[..BatchPlaintextSize], batchChunks);
            data = data[BatchPlaintextSize..];
        }

        Write(data.Span);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (!buffer.IsEmpty)
        {
            if (buffered == BatchPlaintextSize)
            {
                SealBuffered();
            }

            int n = Math.Min(BatchPlaintextSize - buffered, buffer.Length);
            buffer[..n].CopyTo(plaintext.AsSpan(buffered));
            buffered += n;
            buffer = buffer[n..];
        }
    }

    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        output.Flush();
    }

    /// <summary>Seals our full buffer (more data has arrived, so none of it is final), then lets the batch grow.</summary>
    private void SealBuffered()
    {
        SealNonFinal(plaintext, batchChunks);
        buffered = 0;
        if (batchChunks < ChunkBatch.MaxChunks)
        {
            CryptographicOperations.ZeroMemory(plaintext);
            batchChunks = ChunkBatch.MaxChunks;
            plaintext = new byte[batchChunks * PayloadKey.ChunkSize];
            ciphertext = new byte[batchChunks * PayloadKey.EncryptedChunkSize];
        }
    }

    private void SealNonFinal(ReadOnlyMemory<byte> chunks, int count) => Seal(chunks, count, PayloadKey.ChunkSize, final: false);

    private void Seal(ReadOnlyMemory<byte> chunks, int count, int lastLength, bool final)
    {
        batch.Seal(counter, chunks, count, lastLength, final, ciphertext);
        output.Write(ciphertext, 0, ((count - 1) * PayloadKey.EncryptedChunkSize) + lastLength + Aead.TagSize);
        counter = checked(counter + (ulong)count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            try
            {
                // The rest, as whole chunks then the final one (empty only when the whole payload is).
                int count = Math.Max(1, (buffered + PayloadKey.ChunkSize - 1) / PayloadKey.ChunkSize);
                Seal(plaintext, count, buffered - ((count - 1) * PayloadKey.ChunkSize), final: true);
                output.Flush();
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
                batch.Dispose();
                if (!leaveOpen)
                {
                    output.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }
}
