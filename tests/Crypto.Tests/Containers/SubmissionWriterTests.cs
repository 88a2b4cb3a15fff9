using System.Formats.Tar;
using System.Text;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Padding;
using WhistleSubmit.Crypto.Tests.Tar;
using static WhistleSubmit.Crypto.Tests.Containers.ContainerFixtures;

namespace WhistleSubmit.Crypto.Tests.Containers;

public class SubmissionWriterTests
{
    [Test]
    public void Complete_ReportWithAttachments_RoundTrips()
    {
        byte[] a = Encoding.UTF8.GetBytes("first");
        byte[] b = new byte[70_000];
        new Random(2).NextBytes(b);
        ReportV1 report = Report(("../../etc/passwd", a.Length), ("photo.jpg", b.Length)) with
        {
            Categories = [Category.UnlawfulForce, Category.InjuryOrDeath],
            When = new IncidentWhen { From = new DateOnly(2026, 1, 2), To = new DateOnly(2026, 1, 3) },
            Where = new IncidentWhere { State = "TX", Place = "Facility" },
            Harm = new Harm { Force = Answer.Yes, Injuries = 2, Deaths = 0 },
        };

        byte[] container = Write(report, a, b);
        var (contents, files) = Read(container);

        Assert.Multiple(() =>
        {
            Assert.That(contents.Report, Is.Not.Null);
            Assert.That(contents.Report!.Description, Is.EqualTo(report.Description));
            Assert.That(contents.Report.Categories, Is.EqualTo(report.Categories));
            Assert.That(contents.Report.When, Is.EqualTo(report.When));
            Assert.That(contents.Report.Harm, Is.EqualTo(report.Harm));
            Assert.That(contents.Attachments.Select(x => x.EntryName), Is.EqualTo(new[] { "files/001-passwd", "files/002-photo.jpg" }));
            Assert.That(contents.Attachments[0].Info.Name, Is.EqualTo("../../etc/passwd"));
            Assert.That(files, Is.EqualTo(new[] { a, b }));
            Assert.That(container, Has.Length.EqualTo(Padme.PaddedLength(container.Length)));
            Assert.That(contents.Length, Is.EqualTo(container.Length));
        });
    }

    [Test]
    public void Complete_LongUnicodeNames_FillTheNameFieldAndRoundTrip()
    {
        string longName = new string('ñ', 60) + "😀 informe final.pdf";
        byte[] container = Write(Report((longName, 1), ("año informe.pdf", 1)), [1], [2]);

        var (contents, _) = Read(container);
        string first = contents.Attachments[0].EntryName;

        Assert.That(Encoding.UTF8.GetByteCount(first), Is.InRange(95, 100));
        Assert.That(first, Does.StartWith("files/001-ññ").And.EndWith(".pdf"));
        Assert.That(contents.Attachments[1].EntryName, Is.EqualTo("files/002-año informe.pdf"));
        Assert.That(contents.Attachments[0].Info.Name, Is.EqualTo(longName));
    }

    [Test]
    public void Complete_Message_RoundTripsThroughUnseekableStreams()
    {
        var message = new MessageV1 { Text = "More.", Attachments = [new AttachmentInfo { Name = "x", Size = 1000 }], Client = Client };
        using var output = new MemoryStream();
        using (var writer = new SubmissionWriter(new OneWayStream(output), message))
        {
            writer.AddAttachment(new OneWayStream(new MemoryStream(new byte[1000]), 7));
            writer.Complete();
        }

        var files = new List<long>();
        SubmissionContents contents = SubmissionReader.Read(new OneWayStream(new MemoryStream(output.ToArray()), 13), (_, s) => files.Add(s.ReadAllLength()));

        Assert.That(contents.Message!.Text, Is.EqualTo("More."));
        Assert.That(contents.Report, Is.Null);
        Assert.That(files, Is.EqualTo(new[] { 1000L }));
    }

    [Test]
    public void Complete_Output_IsPlainUstarWithNeutralMetadata()
    {
        byte[] container = Write(Report(("a", 1)), [42]);

        using var reader = new TarReader(new MemoryStream(container));
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry() is { } e)
        {
            entries.Add(e);
        }

        Assert.That(entries.Select(e => e.Name), Is.EqualTo(new[] { "report.json", "files/001-a" }));
        Assert.That(entries.Select(e => e.Format), Is.All.EqualTo(TarEntryFormat.Ustar));
        Assert.That(entries.Select(e => e.ModificationTime), Is.All.EqualTo(DateTimeOffset.UnixEpoch));
        Assert.That(entries.Select(e => ((PosixTarEntry)e).UserName), Is.All.Empty);
    }

    [Test]
    public void AddAttachment_ContentShorterThanDeclared_ThrowsAndWriterIsUnusable()
    {
        using var writer = new SubmissionWriter(new MemoryStream(), Report(("a", 10)));

        Assert.That(() => writer.AddAttachment(new MemoryStream(new byte[9])), Throws.InvalidOperationException);
        Assert.That(() => writer.Complete(), Throws.InvalidOperationException);
    }

    [Test]
    public void AddAttachment_ContentLongerThanDeclared_Throws()
    {
        using var writer = new SubmissionWriter(new MemoryStream(), Report(("a", 10)));

        Assert.That(() => writer.AddAttachment(new OneWayStream(new MemoryStream(new byte[11]))), Throws.InvalidOperationException);
    }

    [Test]
    public void AddAttachment_MoreThanListed_ThrowsInvalidOperation()
    {
        using var writer = new SubmissionWriter(new MemoryStream(), Report());

        Assert.That(() => writer.AddAttachment(new MemoryStream()), Throws.InvalidOperationException);
    }

    [Test]
    public void Complete_FewerThanListed_ThrowsInvalidOperation()
    {
        using var writer = new SubmissionWriter(new MemoryStream(), Report(("a", 1)));

        Assert.That(() => writer.Complete(), Throws.InvalidOperationException);
    }

    [Test]
    public void Complete_Twice_ThrowsInvalidOperation()
    {
        using var writer = new SubmissionWriter(new MemoryStream(), Report());
        writer.Complete();

        Assert.That(() => writer.Complete(), Throws.InvalidOperationException);
    }

    [Test]
    public void Dispose_BeforeComplete_LeavesAContainerNoReaderAccepts()
    {
        using var output = new MemoryStream();
        using (var writer = new SubmissionWriter(output, Report(("a", 1)), leaveOpen: true))
        {
            writer.AddAttachment(new MemoryStream([1]));
        }

        Assert.That(() => Read(output.ToArray()), Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Methods_AfterDispose_ThrowObjectDisposed()
    {
        var writer = new SubmissionWriter(new MemoryStream(), Report(("a", 1)));
        writer.Dispose();
        writer.Dispose();

        Assert.That(() => writer.AddAttachment(new MemoryStream([1])), Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => writer.Complete(), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Dispose_WithoutLeaveOpen_ClosesOutput()
    {
        var output = new MemoryStream();
        new SubmissionWriter(output, Report()).Dispose();

        Assert.That(output.CanWrite, Is.False);
    }

    [Test]
    public void Constructor_NullArguments_ThrowArgumentNull()
    {
        Assert.That(() => new SubmissionWriter(null!, Report()), Throws.ArgumentNullException);
        Assert.That(() => new SubmissionWriter(new MemoryStream(), (ReportV1)null!), Throws.ArgumentNullException);
        Assert.That(() => new SubmissionWriter(new MemoryStream(), (MessageV1)null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_ReadOnlyOutput_ThrowsArgument()
    {
        Assert.That(() => new SubmissionWriter(new MemoryStream([], writable: false), Report()), Throws.ArgumentException);
    }

    [Test]
    public void AddAttachment_Null_ThrowsArgumentNull()
    {
        using var writer = new SubmissionWriter(new MemoryStream(), Report(("a", 1)));

        Assert.That(() => writer.AddAttachment(null!), Throws.ArgumentNullException);
    }

    public static IEnumerable<TestCaseData> InvalidReports()
    {
        ReportV1 ok = Report();
        yield return new TestCaseData(ok with { V = 2 }).SetName("Constructor_VersionTwo_ThrowsArgument");
        yield return new TestCaseData(ok with { Description = "  " }).SetName("Constructor_BlankDescription_ThrowsArgument");
        yield return new TestCaseData(ok with { Description = new string('x', 100_001) }).SetName("Constructor_LongDescription_ThrowsArgument");
        yield return new TestCaseData(ok with { Description = "\uD800" }).SetName("Constructor_LoneSurrogate_ThrowsArgument");
        yield return new TestCaseData(ok with { Categories = [Category.Other, Category.Other] }).SetName("Constructor_DuplicateCategory_ThrowsArgument");
        yield return new TestCaseData(ok with { Where = new IncidentWhere { State = "tx" } }).SetName("Constructor_LowerCaseState_ThrowsArgument");
        yield return new TestCaseData(ok with { Harm = new Harm { Deaths = -1 } }).SetName("Constructor_NegativeCount_ThrowsArgument");
        yield return new TestCaseData(ok with { When = new IncidentWhen { From = new DateOnly(2026, 2, 1), To = new DateOnly(2026, 1, 1) } }).SetName("Constructor_BackwardsRange_ThrowsArgument");
        yield return new TestCaseData(ok with { ReplyRecipient = "age1notpq" }).SetName("Constructor_BadReplyRecipient_ThrowsArgument");
        yield return new TestCaseData(Report(("", 1))).SetName("Constructor_EmptyAttachmentName_ThrowsArgument");
        yield return new TestCaseData(Report(("a", -1))).SetName("Constructor_NegativeAttachmentSize_ThrowsArgument");
    }

    [TestCaseSource(nameof(InvalidReports))]
    public void Constructor_InvalidReport_ThrowsArgument(ReportV1 report)
    {
        Assert.That(() => new SubmissionWriter(new MemoryStream(), report), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_BlankMessage_ThrowsArgument()
    {
        Assert.That(() => new SubmissionWriter(new MemoryStream(), new MessageV1 { Text = "", Client = Client }), Throws.ArgumentException);
    }
}
