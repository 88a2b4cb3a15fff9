using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class FileKeyTests
{
    [Test]
    public void FromBytes_SixteenBytes_CopiesThem()
    {
        byte[] bytes = Enumerable.Range(1, FileKey.Length).Select(i => (byte)i).ToArray();

        using FileKey key = FileKey.FromBytes(bytes);
        bytes[0] = 0xff;

        Assert.That(key.Span.ToArray(), Is.EqualTo(Enumerable.Range(1, FileKey.Length).Select(i => (byte)i).ToArray()));
    }

    [TestCase(0)]
    [TestCase(15)]
    [TestCase(17)]
    [TestCase(32)]
    public void FromBytes_WrongLength_ThrowsArgument(int length)
    {
        Assert.That(() => FileKey.FromBytes(new byte[length]), Throws.ArgumentException);
    }

    [Test]
    public void Generate_TwoCalls_DifferentKeys()
    {
        using FileKey first = FileKey.Generate();
        using FileKey second = FileKey.Generate();

        Assert.That(second.Span.ToArray(), Is.Not.EqualTo(first.Span.ToArray()));
    }

    [Test]
    public void Span_AfterDispose_ThrowsObjectDisposed()
    {
        FileKey key = FileKey.Generate();

        key.Dispose();

        Assert.That(() => key.Span.Length, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void ToString_Always_OmitsKeyBytes()
    {
        using FileKey key = FileKey.FromBytes(new byte[FileKey.Length]);

        Assert.That(key.ToString(), Is.EqualTo("FileKey"));
    }
}
