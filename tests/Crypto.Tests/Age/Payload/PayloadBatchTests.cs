using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age.Payload;

/// <summary>
/// The payload streams seal and open chunks in parallel batches; these pin down that the result is exactly the
/// one-chunk-at-a-time behaviour: same bytes on disk, and on failure the same plaintext released, nothing after it.
/// </summary>
public class PayloadBatchTests
{
    private const int Chunk = 64 * 1024;
    private const int EncryptedChunk = Chunk + 16;

    private X25519Identity identity = null!;

    [OneTimeSetUp]
    public void SetUp() => identity = X25519Identity.Generate();

    [OneTimeTearDown]
    public void TearDown() => identity.Dispose();

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(Chunk)]
    [TestCase(Chunk + 1)]
    [TestCase(16 * Chunk)]
    [TestCase(17 * Chunk)]
    [TestCase((17 * Chunk) + 1)]
    [TestCase((40 * Chunk) + 100)]
    public void EncryptDecrypt_SizesAroundBatchBoundaries_RoundTripWithExpectedChunking(int size)
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);
        foreach (bool largeWrites in new[] { true, false })
        {
            byte[] ciphertext = Encrypt(plaintext, largeWrites);

            int fullChunks = size == 0 ? 0 : (size - 1) / Chunk;
            int payload = 16 + (fullChunks * EncryptedChunk) + (size - (fullChunks * Chunk)) + 16;
            Assert.That(ciphertext.Length - HeaderLength(ciphertext), Is.EqualTo(payload), $"large writes: {largeWrites}");
            foreach (ReadMode mode in Enum.GetValues<ReadMode>())
            {
                Assert.That(ReadAll(ciphertext, mode, out _), Is.EqualTo(plaintext), $"{mode}");
            }
        }
    }

    [Test]
    public void Decrypt_ChunkTamperedInsideABatch_ReleasesExactlyTheChunksBefore(
        [Values(0, 1, 2, 16, 17, 20, 39, 40)] int chunk, [Values] ReadMode mode)
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes((40 * Chunk) + 100);
        byte[] ciphertext = Encrypt(plaintext, largeWrites: true);
        ciphertext[HeaderLength(ciphertext) + 16 + (chunk * EncryptedChunk) + 5] ^= 1;

        byte[] released = ReadAll(ciphertext, mode, out AgeException? error);

        Assert.That(error?.Kind, Is.EqualTo(AgeErrorKind.Payload));
        Assert.That(released, Is.EqualTo(plaintext[..(chunk * Chunk)]));
    }

    [Test]
    public void Decrypt_TruncatedAtChunkBoundary_ReleasesTheChunksThenThrowsPayload([Values(1, 17, 20)] int chunks, [Values] ReadMode mode)
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes((40 * Chunk) + 100);
        byte[] ciphertext = Encrypt(plaintext, largeWrites: true);
        byte[] truncated = ciphertext[..(HeaderLength(ciphertext) + 16 + (chunks * EncryptedChunk))];

        byte[] released = ReadAll(truncated, mode, out AgeException? error);

        Assert.That(error?.Kind, Is.EqualTo(AgeErrorKind.Payload));
        Assert.That(released, Is.EqualTo(plaintext[..(chunks * Chunk)]));
    }

    [Test]
    public void Decrypt_DataAfterFullFinalChunk_ReleasesEverythingThenThrowsPayload([Values(1, 17, 20)] int chunks, [Values(1, 100, EncryptedChunk)] int extra, [Values] ReadMode mode)
    {
        byte[] plaintext = RandomNumberGenerator.GetBytes(chunks * Chunk);
        byte[] ciphertext = [.. Encrypt(plaintext, largeWrites: true), .. new byte[extra]];

        byte[] released = ReadAll(ciphertext, mode, out AgeException? error);

        Assert.That(error?.Kind, Is.EqualTo(AgeErrorKind.Payload));
        Assert.That(released, Is.EqualTo(plaintext));
    }

    private byte[] Encrypt(byte[] plaintext, bool largeWrites)
    {
        using var output = new MemoryStream();
        using (Stream encryptor = AgeEncryption.Encrypt(output, [identity.Recipient], leaveOpen: true))
        {
            int step = largeWrites ? (4 * 1024 * 1024) + 3 : 10_000;
            for (int offset = 0; offset < plaintext.Length; offset += step)
            {
                int n = Math.Min(step, plaintext.Length - offset);
                if (largeWrites)
                {
                    encryptor.Write(plaintext, offset, n);
                }
                else
                {
                    encryptor.Write(plaintext.AsSpan(offset, n));
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>How a caller takes the plaintext out.</summary>
    public enum ReadMode
    {
        /// <summary>Read into 4 MiB arrays.</summary>
        Arrays,

        /// <summary>Read into 100,000-byte spans.</summary>
        Spans,

        /// <summary>CopyTo, which writes straight from the stream's own buffers.</summary>
        CopyTo,
    }

    /// <summary>Reads until the end or the first error, as a caller would.</summary>
    private byte[] ReadAll(byte[] ciphertext, ReadMode mode, out AgeException? error)
    {
        using var released = new MemoryStream();
        error = null;
        using Stream plaintext = AgeEncryption.Decrypt(new MemoryStream(ciphertext), [identity]);
        byte[] buffer = new byte[mode == ReadMode.Arrays ? 4 * 1024 * 1024 : 100_000];
        try
        {
            if (mode == ReadMode.CopyTo)
            {
                plaintext.CopyTo(released);
            }

            int n;
            while ((n = mode == ReadMode.Arrays ? plaintext.Read(buffer, 0, buffer.Length) : plaintext.Read(buffer.AsSpan())) > 0)
            {
                released.Write(buffer, 0, n);
            }
        }
        catch (AgeException e)
        {
            error = e;
        }

        return released.ToArray();
    }

    private static int HeaderLength(byte[] ciphertext) => ciphertext.AsSpan().IndexOf("\n---"u8) + 49;
}
