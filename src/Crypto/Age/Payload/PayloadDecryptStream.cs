using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Crypto.Age.Payload;

/// <summary>
/// Spec "Payload": STREAM decryption, one 64 KiB chunk at a time in constant memory. Only authenticated plaintext
/// is ever returned; a truncated, reordered, re-flagged or extended payload fails with
/// <see cref="AgeErrorKind.Payload"/> from <see cref="Read(Span{byte})"/> after the chunks before it were released,
/// which is the behaviour the CCTV vectors pin down (and matches Go age).
/// </summary>
internal sealed class PayloadDecryptStream : ReadOnlyStreamBase
{
    private readonly Stream source;
    private readonly bool leaveOpen;
    private readonly Aead aead;
    private readonly byte[] ciphertext = new byte[PayloadKey.EncryptedChunkSize];
    private readonly byte[] plaintext = new byte[PayloadKey.ChunkSize];
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
        aead = Aead.Create(payloadKey);
    }

    public override int Read(Span<byte> buffer)
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

        // Large reads get the plaintext decrypted straight into the caller's buffer: one copy fewer per chunk.
        if (buffer.Length >= PayloadKey.ChunkSize)
        {
            return ReadChunk(buffer);
        }

        plainStart = 0;
        plainEnd = ReadChunk(plaintext);
        return plainEnd == 0 ? 0 : CopyOut(buffer);
    }

    private int CopyOut(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, plainEnd - plainStart);
        plaintext.AsSpan(plainStart, n).CopyTo(buffer);
        plainStart += n;
        return n;
    }

    private int ReadChunk(Span<byte> target)
    {
        try
        {
            return DecryptNextChunk(target);
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

    private int DecryptNextChunk(Span<byte> target)
    {
        int n = source.ReadAtLeast(ciphertext, ciphertext.Length, throwOnEndOfStream: false);
        if (n < Aead.TagSize)
        {
            // Covers both "no chunks at all" and "the stream ended before a final chunk".
            throw Fail("The payload is truncated.");
        }

        bool last = n < ciphertext.Length;
        if (last && n == Aead.TagSize && counter != 0)
        {
            throw Fail("The payload ends with an empty chunk.");
        }

        int length = n - Aead.TagSize;
        Span<byte> nonce = stackalloc byte[Aead.NonceSize];
        PayloadKey.ChunkNonce(counter, last, nonce);
        bool ok = aead.TryOpen(nonce, ciphertext.AsSpan(0, n), target[..length]);
        if (!ok && !last)
        {
            // A full-length chunk may be the final one; only trying tells (there is no length field).
            last = true;
            nonce[^1] = 1;
            ok = aead.TryOpen(nonce, ciphertext.AsSpan(0, n), target[..length]);
        }

        if (!ok)
        {
            throw Fail("The payload failed authentication.");
        }

        counter = checked(counter + 1);
        if (last)
        {
            // The final chunk is authentic and released; anything after it makes the file invalid.
            Span<byte> probe = stackalloc byte[1];
            if (source.Read(probe) != 0)
            {
                error = Fail("The payload has data after its final chunk.");
            }
            else
            {
                finished = true;
            }
        }

        return length;
    }

    private static AgeException Fail(string message) => new(AgeErrorKind.Payload, message);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            CryptographicOperations.ZeroMemory(plaintext);
            aead.Dispose();
            if (!leaveOpen)
            {
                source.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
