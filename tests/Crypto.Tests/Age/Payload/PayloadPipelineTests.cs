using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age.Payload;

/// <summary>
/// Long payloads are read ahead and sealed or opened on the thread pool while the caller does the I/O. These pin down
/// what that must not change: a failing source is reported in order, after the plaintext before it; a failing output
/// stops the file before any final chunk; and a stream abandoned half-way stops cleanly.
/// </summary>
public class PayloadPipelineTests
{
    private const int Chunk = 64 * 1024;
    private const int EncryptedChunk = Chunk + 16;

    private X25519Identity identity = null!;
    private byte[] plaintext = null!;
    private byte[] ciphertext = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        identity = X25519Identity.Generate();
        plaintext = RandomNumberGenerator.GetBytes((40 * Chunk) + 100);
        ciphertext = AgeEncryption.Encrypt(plaintext, [identity.Recipient]);
    }

    [OneTimeTearDown]
    public void TearDown() => identity.Dispose();

    [Test]
    public void Decrypt_SourceThrowsIOExceptionPartWay_ReleasesWholeChunksBeforeThenThrowsPayload()
    {
        var source = new FailingReadStream(ciphertext, ChunkOffset(20) + 5, () => new IOException("disk gone"));

        (byte[] released, Exception? error) = ReadAll(source);

        Assert.That(error, Is.TypeOf<AgeException>().With.Property(nameof(AgeException.Kind)).EqualTo(AgeErrorKind.Payload));
        Assert.That(error!.InnerException, Is.TypeOf<IOException>());
        AssertReleasedWholeChunksBefore(released, 20);
    }

    [Test]
    public void Decrypt_SourceThrowsOtherExceptionPartWay_RethrowsItAfterTheChunksBefore()
    {
        var source = new FailingReadStream(ciphertext, ChunkOffset(20) + 5, () => new TimeoutException("source failed"));

        (byte[] released, Exception? error) = ReadAll(source);

        Assert.That(error, Is.TypeOf<TimeoutException>());
        AssertReleasedWholeChunksBefore(released, 20);
    }

    [Test]
    public void Decrypt_ReadAgainAfterASourceFailure_FailsAgainAndReleasesNothingMore()
    {
        // The source fails once and then would go on serving bytes: the stream must not pick up after the gap.
        int failures = 0;
        var source = new FailingReadStream(ciphertext, ChunkOffset(20) + 5, () => failures++ == 0 ? new TimeoutException("source failed") : null);
        using Stream decrypted = AgeEncryption.Decrypt(source, [identity]);
        using var released = new MemoryStream();
        byte[] buffer = new byte[Chunk];

        Assert.That(() =>
        {
            int n;
            while ((n = decrypted.Read(buffer)) > 0)
            {
                released.Write(buffer, 0, n);
            }
        }, Throws.TypeOf<TimeoutException>());
        Assert.That(() => decrypted.Read(buffer), Throws.TypeOf<TimeoutException>());
        Assert.That(() => decrypted.Read(buffer), Throws.TypeOf<TimeoutException>());
        AssertReleasedWholeChunksBefore(released.ToArray(), 20);
    }

    [Test]
    public void Dispose_WhileBatchesAreReadAhead_StopsCleanly()
    {
        Stream decrypted = AgeEncryption.Decrypt(new MemoryStream(ciphertext), [identity]);
        byte[] start = new byte[Chunk + 1];

        // Past the first chunk: the payload has proven long, so the next batches are being opened on the pool.
        decrypted.ReadExactly(start);

        Assert.That(start, Is.EqualTo(plaintext[..start.Length]));
        Assert.That(decrypted.Dispose, Throws.Nothing);
        Assert.That(decrypted.Dispose, Throws.Nothing);
        Assert.That(() => decrypted.Read(start), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Encrypt_OutputFailsPartWay_ThrowsAndNeverWritesAFinalChunk()
    {
        var output = new FailingWriteStream(failAfter: 1_500_000);
        Stream encryptor = AgeEncryption.Encrypt(output, [identity.Recipient], leaveOpen: true);

        Assert.That(
            () =>
            {
                for (int offset = 0; offset < plaintext.Length; offset += 100_000)
                {
                    encryptor.Write(plaintext.AsSpan(offset, Math.Min(100_000, plaintext.Length - offset)));
                }

                encryptor.Dispose();
            },
            Throws.InstanceOf<IOException>());
        Assert.That(encryptor.Dispose, Throws.Nothing);

        // What did reach the output decrypts to whole chunks of the plaintext, then fails: never a shorter valid file.
        (byte[] released, Exception? error) = ReadAll(new MemoryStream(output.ToArray()));
        Assert.That(error, Is.TypeOf<AgeException>().With.Property(nameof(AgeException.Kind)).EqualTo(AgeErrorKind.Payload));
        Assert.That(released, Is.EqualTo(plaintext[..released.Length]));
    }

    private void AssertReleasedWholeChunksBefore(byte[] released, int failingChunk)
    {
        Assert.That(released.Length % Chunk, Is.Zero, "whole chunks only");
        Assert.That(released.Length, Is.GreaterThan(0).And.LessThanOrEqualTo(failingChunk * Chunk));
        Assert.That(released, Is.EqualTo(plaintext[..released.Length]));
    }

    private int ChunkOffset(int chunk) => ciphertext.AsSpan().IndexOf("\n---"u8) + 49 + 16 + (chunk * EncryptedChunk);

    private (byte[] Released, Exception? Error) ReadAll(Stream source)
    {
        using var released = new MemoryStream();
        try
        {
            using Stream decrypted = AgeEncryption.Decrypt(source, [identity]);
            decrypted.CopyTo(released);
            return (released.ToArray(), null);
        }
        catch (Exception e) when (e is AgeException or TimeoutException)
        {
            return (released.ToArray(), e);
        }
    }

    /// <summary>Serves <c>data</c> until a read would reach <c>failAt</c>, then throws what <c>failure</c> gives (serves on if null).</summary>
    /// <remarks>A derived MemoryStream routes span reads and writes through the array overloads.</remarks>
    private sealed class FailingReadStream(byte[] data, int failAt, Func<Exception?> failure) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position + count > failAt && failure() is { } e ? throw e : base.Read(buffer, offset, count);
    }

    /// <summary>Accepts <c>failAfter</c> bytes, then fails every write, like a full disk.</summary>
    private sealed class FailingWriteStream(int failAfter) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > failAfter)
            {
                throw new IOException("No space left on device");
            }

            base.Write(buffer, offset, count);
        }
    }
}
