using System.Security.Cryptography;
using WhistleSubmit.Crypto.Hashing;

namespace WhistleSubmit.Crypto.Tests.Hashing;

public class BackgroundSha256Tests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(BackgroundSha256.BlockSize - 1)]
    [TestCase(BackgroundSha256.BlockSize)]
    [TestCase((3 * BackgroundSha256.BlockSize) + 17)]
    public void Append_PiecesOfAnySize_MatchesOneShotHash(int length)
    {
        byte[] data = RandomNumberGenerator.GetBytes(length);
        using var sha256 = new BackgroundSha256();

        // Pieces that straddle block boundaries, some empty.
        int offset = 0;
        foreach (int size in PieceSizes())
        {
            int take = Math.Min(size, length - offset);
            sha256.Append(data.AsSpan(offset, take));
            offset += take;
            if (offset == length)
            {
                break;
            }
        }

        sha256.Append(data.AsSpan(offset));

        Assert.That(sha256.Finish(), Is.EqualTo(SHA256.HashData(data)));
        Assert.That(sha256.Length, Is.EqualTo(length));
    }

    [Test]
    public void Append_CallerReusesItsBuffer_HashesTheBytesAsTheyWereWhenAppended()
    {
        byte[] data = RandomNumberGenerator.GetBytes((2 * BackgroundSha256.BlockSize) + 100);
        byte[] buffer = new byte[BackgroundSha256.BlockSize];
        using var sha256 = new BackgroundSha256();

        for (int offset = 0; offset < data.Length; offset += buffer.Length)
        {
            int n = Math.Min(buffer.Length, data.Length - offset);
            data.AsSpan(offset, n).CopyTo(buffer);
            sha256.Append(buffer.AsSpan(0, n));
            Array.Fill(buffer, (byte)0xAA);
        }

        Assert.That(sha256.Finish(), Is.EqualTo(SHA256.HashData(data)));
    }

    [Test]
    public void AppendFrom_MixedWithAppend_MatchesOneShotHash()
    {
        byte[] data = RandomNumberGenerator.GetBytes((2 * BackgroundSha256.BlockSize) + 3);
        using var sha256 = new BackgroundSha256();
        sha256.Append(data.AsSpan(0, 1000));
        using var rest = new MemoryStream(data, 1000, data.Length - 1000);

        while (sha256.AppendFrom(rest) > 0)
        {
        }

        Assert.That(sha256.Finish(), Is.EqualTo(SHA256.HashData(data)));
    }

    [Test]
    public void Finish_CalledTwice_Throws()
    {
        using var sha256 = new BackgroundSha256();
        sha256.Finish();

        Assert.That(() => sha256.Finish(), Throws.InvalidOperationException);
        Assert.That(() => sha256.Append([1]), Throws.InvalidOperationException);
    }

    [Test]
    public void Append_AfterDispose_ThrowsObjectDisposed()
    {
        var sha256 = new BackgroundSha256();
        sha256.Append(new byte[BackgroundSha256.BlockSize + 1]);
        sha256.Dispose();
        sha256.Dispose();

        Assert.That(() => sha256.Append([1]), Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => sha256.AppendFrom(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Dispose_AfterOnReadFailed_ClearsTheBytesReadBeforeTheBlockIsPooled()
    {
        byte[] secret = new byte[4096];
        Array.Fill(secret, (byte)0x5A);
        var sha256 = new BackgroundSha256();

        Assert.That(() => sha256.AppendFrom(new MemoryStream(secret), _ => throw new IOException("No space left on device")),
            Throws.TypeOf<IOException>());
        sha256.Dispose();

        // ArrayPool.Shared hands the block just returned on this thread straight back.
        byte[] block = System.Buffers.ArrayPool<byte>.Shared.Rent(BackgroundSha256.BlockSize);
        try
        {
            Assert.That(block.AsSpan(0, secret.Length).ContainsAnyExcept((byte)0), Is.False);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(block);
        }
    }

    private static IEnumerable<int> PieceSizes()
    {
        int[] cycle = [0, 1, 4093, 65_536, BackgroundSha256.BlockSize - 7, BackgroundSha256.BlockSize + 11];
        for (int i = 0; ; i++)
        {
            yield return cycle[i % cycle.Length];
        }
    }
}
