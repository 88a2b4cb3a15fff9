using System.Security.Cryptography;
using WhistleSubmit.Crypto.Hashing;
using WhistleSubmit.Crypto.Tests.Tar;

namespace WhistleSubmit.Crypto.Tests.Hashing;

public class OverlappedSha256Tests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(OverlappedSha256.BlockSize)]
    [TestCase((3 * OverlappedSha256.BlockSize) + 17)]
    public void HashToEnd_AnyLength_MatchesOneShotHashAndShowsEveryBlockInOrder(int length)
    {
        byte[] data = RandomNumberGenerator.GetBytes(length);
        using var seen = new MemoryStream();

        byte[] hash = OverlappedSha256.HashToEnd(new MemoryStream(data), block => seen.Write(block));

        Assert.That(hash, Is.EqualTo(SHA256.HashData(data)));
        Assert.That(seen.ToArray(), Is.EqualTo(data));
    }

    [Test]
    public void HashToEnd_SmallReadsFromAOneWayStream_MatchesOneShotHash()
    {
        byte[] data = RandomNumberGenerator.GetBytes((2 * OverlappedSha256.BlockSize) + 5);

        byte[] hash = OverlappedSha256.HashToEnd(new OneWayStream(new MemoryStream(data), maxChunk: 4093));

        Assert.That(hash, Is.EqualTo(SHA256.HashData(data)));
    }

    [Test]
    public void HashToEnd_SourceThrowsMidway_PassesItsExceptionThrough()
    {
        byte[] data = new byte[3 * OverlappedSha256.BlockSize];
        int blocks = 0;

        Assert.That(() => OverlappedSha256.HashToEnd(new MemoryStream(data), _ =>
        {
            if (++blocks == 2)
            {
                throw new IOException("disk gone");
            }
        }), Throws.TypeOf<IOException>().With.Message.EqualTo("disk gone"));
    }
}
