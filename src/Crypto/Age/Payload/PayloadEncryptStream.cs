using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": STREAM encryption in constant memory. A full buffer is sealed as a non-final chunk only once
/// more data arrives, so the final chunk is never empty unless the whole payload is; Dispose seals it.
/// </summary>
internal sealed class PayloadEncryptStream : WriteOnlyStreamBase
{
    private readonly Stream output;
    private readonly bool leaveOpen;
    private readonly Aead aead;
    private readonly byte[] plaintext = new byte[PayloadKey.ChunkSize];
    private readonly byte[] ciphertext = new byte[PayloadKey.EncryptedChunkSize];
    private int buffered;
    private ulong counter;
    private bool disposed;

    public PayloadEncryptStream(Stream output, ReadOnlySpan<byte> payloadKey, bool leaveOpen)
    {
        this.output = output;
        this.leaveOpen = leaveOpen;
        aead = Aead.Create(payloadKey);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        while (!buffer.IsEmpty)
        {
            if (buffered == PayloadKey.ChunkSize)
            {
                SealChunk(plaintext, last: false);
                buffered = 0;
            }

            // Whole chunks that are certainly not the last one skip the copy into our buffer.
            if (buffered == 0 && buffer.Length > PayloadKey.ChunkSize)
            {
                SealChunk(buffer[..PayloadKey.ChunkSize], last: false);
                buffer = buffer[PayloadKey.ChunkSize..];
                continue;
            }

            int n = Math.Min(PayloadKey.ChunkSize - buffered, buffer.Length);
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

    private void SealChunk(ReadOnlySpan<byte> chunk, bool last)
    {
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        PayloadKey.ChunkNonce(counter, last, nonce);
        int n = chunk.Length + Aead.TagSize;
        aead.Seal(nonce, chunk, ciphertext.AsSpan(0, n));
        output.Write(ciphertext, 0, n);
        counter = checked(counter + 1);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            try
            {
                SealChunk(plaintext.AsSpan(0, buffered), last: true);
                output.Flush();
            }
            finally
            {
                CryptographicOperations.ZeroMemory(plaintext);
                aead.Dispose();
                if (!leaveOpen)
                {
                    output.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }
}
