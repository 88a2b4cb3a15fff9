using System.Security.Cryptography;
using WhistleSubmit.Crypto.Streams;
using WhistleSubmit.Crypto.Tar;

namespace WhistleSubmit.Crypto.Tests.Streams;

public class StreamBaseTests
{
    [Test]
    public void ReadOnlyStreamBase_RefusesWhatItCannotDo()
    {
        using var stream = new Ones();

        Assert.That(stream.CanRead && !stream.CanSeek && !stream.CanWrite, Is.True);
        Assert.That(() => stream.Length, Throws.TypeOf<NotSupportedException>());
        Assert.That(() => stream.Position, Throws.TypeOf<NotSupportedException>());
        Assert.That(() => stream.Seek(0, SeekOrigin.Begin), Throws.TypeOf<NotSupportedException>());
        Assert.That(() => stream.Write(new byte[1], 0, 1), Throws.TypeOf<NotSupportedException>());
        Assert.That(() => stream.Read(new byte[1], 1, 1), Throws.InstanceOf<ArgumentException>());
        Assert.That(stream.Read(new byte[4], 1, 2), Is.EqualTo(2));
    }

    [Test]
    public void WriteOnlyStreamBase_RefusesWhatItCannotDo()
    {
        using var stream = new Counter();

        Assert.That(!stream.CanRead && !stream.CanSeek && stream.CanWrite, Is.True);
        Assert.That(() => stream.Length, Throws.TypeOf<NotSupportedException>());
        Assert.That(() => stream.Read(new byte[1], 0, 1), Throws.TypeOf<NotSupportedException>());
        Assert.That(() => stream.Write(new byte[1], 1, 1), Throws.InstanceOf<ArgumentException>());
        stream.Write(new byte[4], 1, 3);
        Assert.That(stream.Written, Is.EqualTo(3));
    }

    [Test]
    public void KnownLengthReadStream_ExactSource_HashesAndEnds()
    {
        byte[] data = RandomNumberGenerator.GetBytes(1000);
        using var stream = new DeclaredLengthStream(new MemoryStream(data), data.Length);

        Assert.That(stream.Read([]), Is.Zero);
        stream.CopyTo(Stream.Null, 7);

        Assert.That(stream.Position, Is.EqualTo(data.Length));
        Assert.That(stream.Read(new byte[1]), Is.Zero);
        Assert.That(stream.GetHash(), Is.EqualTo(SHA256.HashData(data)));
    }

    [TestCase(999)]
    [TestCase(1001)]
    public void KnownLengthReadStream_SourceOfOtherLength_Throws(int actual)
    {
        using var stream = new DeclaredLengthStream(new MemoryStream(new byte[actual]), 1000);

        Assert.That(() => stream.CopyTo(Stream.Null), Throws.InvalidOperationException);
    }

    private sealed class Ones : ReadOnlyStreamBase
    {
        public override int Read(Span<byte> buffer)
        {
            buffer.Fill(1);
            return buffer.Length;
        }
    }

    private sealed class Counter : WriteOnlyStreamBase
    {
        public int Written { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

        public override void Flush()
        {
        }
    }
}
