using WhistleSubmit.ReviewerConsole.Import;

namespace WhistleSubmit.ReviewerConsole.Tests.Import;

public sealed class ReadProgressStreamTests
{
    [Test]
    public void Read_ToTheEnd_ReportsEveryStepAndTheEndOnce()
    {
        byte[] data = new byte[(int)(ReadProgressStream.Step * 2) + 100];
        var reports = new List<(long Read, long Length)>();
        using var stream = new ReadProgressStream(new MemoryStream(data), (read, length) => reports.Add((read, length)));

        byte[] buffer = new byte[1024 * 1024];
        while (stream.Read(buffer) > 0)
        {
        }

        stream.ReadExactly(buffer.AsSpan(0, 0));
        Assert.That(stream.Read(buffer), Is.Zero);

        const long MiB = 1024 * 1024;
        long length = data.Length;
        Assert.That(reports, Is.EqualTo(new[] { (MiB, length), (ReadProgressStream.Step + MiB, length), (length, length) }));
    }

    [Test]
    public void Seek_PassesThrough_AndReportsFollowThePosition()
    {
        var reports = new List<long>();
        using var stream = new ReadProgressStream(new MemoryStream(new byte[100]), (read, _) => reports.Add(read));

        stream.Position = 90;
        stream.ReadExactly(new byte[10]);
        stream.ReadExactly(Span<byte>.Empty);

        Assert.That(stream.CanSeek, Is.True);
        Assert.That(stream.Length, Is.EqualTo(100));
        Assert.That(reports, Is.EqualTo(new long[] { 100 }));
        Assert.That(() => stream.Write([1]), Throws.TypeOf<NotSupportedException>());
    }
}
