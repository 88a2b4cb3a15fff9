using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Tests.Tar;
using static WhistleSubmit.Crypto.Tests.Containers.ContainerFixtures;

namespace WhistleSubmit.Crypto.Tests.Containers;

/// <summary>
/// report.json / message.json versions: v1 as before, v2 with the case key and mailbox id (docs/FORMATS.md#case-proof),
/// v3 with each attachment's copy and (report.json) the reporting channels osc, crcl and congress.
/// </summary>
public class DocumentRulesTests
{
    private const string Client = "\"attachments\":[],\"client\":{\"language\":\"en\",\"encryptedBy\":\"browser\"}";
    private const string Key = "1111111111111111111111111111111111111111111111111111111111111111";
    private const string Box = "2222222222222222222222222222222222222222222222222222222222222222";

    // Any valid mlkem768x25519 recipient.
    private static readonly string PqRecipient = MlKem768X25519Identity.FromSeed(new byte[32]).Recipient.ToString();
    private static readonly string Reply = "\"replyRecipient\":\"" + PqRecipient + "\"";
    private const string NewChannels = "\"internalReporting\":{\"channels\":[\"osc\",\"crcl\",\"congress\"]}";

    private static string OneFile(string attachment) => "\"attachments\":[" + attachment + "],\"client\":{\"language\":\"en\",\"encryptedBy\":\"browser\"}";

    private static string V3(string attachment) => $"{{\"v\":3,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{OneFile(attachment)}}}";

    public static IEnumerable<TestCaseData> Valid()
    {
        yield return new TestCaseData("report.json", "{\"v\":1,\"description\":\"d\"," + Client + "}").SetName("Read_ReportV1_Accepted");
        yield return new TestCaseData("message.json", "{\"v\":1,\"text\":\"t\"," + Client + "}").SetName("Read_MessageV1_Accepted");
        yield return new TestCaseData("report.json", $"{{\"v\":2,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}").SetName("Read_ReportV2_Accepted");
        yield return new TestCaseData("message.json", $"{{\"v\":2,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"text\":\"t\",{Client}}}").SetName("Read_MessageV2_Accepted");
        yield return new TestCaseData("report.json", V3("{\"name\":\"a\",\"size\":1,\"copy\":\"cleaned\"}")).SetName("Read_ReportV3Cleaned_Accepted");
        yield return new TestCaseData("report.json", V3("{\"name\":\"a\",\"size\":1,\"copy\":\"original\"}")).SetName("Read_ReportV3Original_Accepted");
        yield return new TestCaseData("message.json", $"{{\"v\":3,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"text\":\"t\",{OneFile("{\"name\":\"a\",\"size\":1,\"copy\":\"cleaned\"}")}}}").SetName("Read_MessageV3_Accepted");
        yield return new TestCaseData("report.json", $"{{\"v\":3,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}").SetName("Read_ReportV3_Accepted");
        yield return new TestCaseData("report.json", $"{{\"v\":3,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",{NewChannels},\"description\":\"d\",{Reply},{Client}}}").SetName("Read_ReportV3WithNewChannels_Accepted");
    }

    public static IEnumerable<TestCaseData> Invalid()
    {
        TestCaseData Case(string name, string document, string json) => new TestCaseData(document, json).SetName("Read_" + name + "_ThrowsContainerException");
        yield return Case("ReportV2WithoutCaseKey", "report.json", $"{{\"v\":2,\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV2WithoutMailboxId", "report.json", $"{{\"v\":2,\"caseKey\":\"{Key}\",\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV2WithoutReplyRecipient", "report.json", $"{{\"v\":2,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Client}}}");
        yield return Case("ReportV2UpperCaseKey", "report.json", $"{{\"v\":2,\"caseKey\":\"{Key.Replace('1', 'A')}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV2ShortKey", "report.json", $"{{\"v\":2,\"caseKey\":\"{Key[1..]}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV2NullKey", "report.json", $"{{\"v\":2,\"caseKey\":null,\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV1WithCaseKey", "report.json", $"{{\"v\":1,\"caseKey\":\"{Key}\",\"description\":\"d\",{Client}}}");
        yield return Case("ReportV1WithMailboxId", "report.json", $"{{\"v\":1,\"mailboxId\":\"{Box}\",\"description\":\"d\",{Client}}}");
        yield return Case("ReportV3WithoutCopy", "report.json", V3("{\"name\":\"a\",\"size\":1}"));
        yield return Case("ReportV3NullCopy", "report.json", V3("{\"name\":\"a\",\"size\":1,\"copy\":null}"));
        yield return Case("ReportV3UnknownCopy", "report.json", V3("{\"name\":\"a\",\"size\":1,\"copy\":\"scrubbed\"}"));
        yield return Case("ReportV3CopyNotKebab", "report.json", V3("{\"name\":\"a\",\"size\":1,\"copy\":\"Cleaned\"}"));
        yield return Case("ReportV2WithCopy", "report.json", $"{{\"v\":2,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{OneFile("{\"name\":\"a\",\"size\":1,\"copy\":\"original\"}")}}}");
        yield return Case("ReportV4", "report.json", $"{{\"v\":4,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV3WithoutCaseKey", "report.json", $"{{\"v\":3,\"mailboxId\":\"{Box}\",\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV2WithNewChannel", "report.json", $"{{\"v\":2,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"internalReporting\":{{\"channels\":[\"osc\"]}},\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV1WithNewChannel", "report.json", $"{{\"v\":1,\"internalReporting\":{{\"channels\":[\"congress\"]}},\"description\":\"d\",{Client}}}");
        yield return Case("ReportV3UnknownChannel", "report.json", $"{{\"v\":3,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"internalReporting\":{{\"channels\":[\"ombudsman\"]}},\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("ReportV3DuplicateChannel", "report.json", $"{{\"v\":3,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\",\"internalReporting\":{{\"channels\":[\"crcl\",\"crcl\"]}},\"description\":\"d\",{Reply},{Client}}}");
        yield return Case("MessageV2WithoutCaseKey", "message.json", $"{{\"v\":2,\"mailboxId\":\"{Box}\",\"text\":\"t\",{Client}}}");
        yield return Case("MessageV2WithoutMailboxId", "message.json", $"{{\"v\":2,\"caseKey\":\"{Key}\",\"text\":\"t\",{Client}}}");
        yield return Case("MessageV1WithCaseKey", "message.json", $"{{\"v\":1,\"caseKey\":\"{Key}\",\"text\":\"t\",{Client}}}");
        yield return Case("MessageV0", "message.json", $"{{\"v\":0,\"text\":\"t\",{Client}}}");
    }

    [TestCaseSource(nameof(Valid))]
    public void Read_Version_Accepted(string document, string json)
    {
        var (contents, _) = Read(Container(document, json));

        Assert.That(contents.Report is not null || contents.Message is not null);
    }

    [TestCaseSource(nameof(Invalid))]
    public void Read_BadVersion_ThrowsContainerException(string document, string json)
    {
        Assert.That(() => Read(Container(document, json)), Throws.TypeOf<ContainerException>());
    }

    [Test]
    public void Write_ReportV3_ReadsBackEachCopy()
    {
        ReportV1 report = Report() with
        {
            V = 3, CaseKey = Key, MailboxId = Box, ReplyRecipient = PqRecipient,
            Attachments = [new AttachmentInfo { Name = "a", Size = 0, Copy = AttachmentCopy.Cleaned }, new AttachmentInfo { Name = "a", Size = 0, Copy = AttachmentCopy.Original }],
        };

        var (contents, _) = Read(Write(report, [[], []]));

        Assert.That(contents.Report!.Attachments.Select(a => a.Copy), Is.EqualTo(new AttachmentCopy?[] { AttachmentCopy.Cleaned, AttachmentCopy.Original }));
    }

    [Test]
    public void Write_ReportV3WithoutCopy_ThrowsArgument()
    {
        ReportV1 report = Report() with { V = 3, CaseKey = Key, MailboxId = Box, ReplyRecipient = PqRecipient, Attachments = [new AttachmentInfo { Name = "a", Size = 0 }] };

        Assert.That(() => Write(report, [[]]), Throws.ArgumentException);
    }

    /// <summary>The document, plus one one-byte file when it lists an attachment of size 1.</summary>
    private static byte[] Container(string document, string json) =>
        json.Contains("\"size\":1", StringComparison.Ordinal)
            ? RawTar.Container(RawTar.Entry(document, json), RawTar.Entry("files/001-a", "x"))
            : RawTar.Container(RawTar.Entry(document, json));

    [Test]
    public void Write_ReportV2_ReadsBackWithCaseKeyAndMailboxId()
    {
        ReportV1 report = Report() with { V = 2, CaseKey = Key, MailboxId = Box, ReplyRecipient = PqRecipient };

        var (contents, _) = Read(Write(report));

        Assert.That(contents.Report, Is.EqualTo(report).Using<ReportV1>((a, b) => a.CaseKey == b.CaseKey && a.MailboxId == b.MailboxId && a.V == b.V));
    }

    [Test]
    public void Write_ReportV2_KeyAndMailboxFollowTheVersion()
    {
        ReportV1 report = Report() with { V = 2, CaseKey = Key, MailboxId = Box, ReplyRecipient = PqRecipient };

        string document = Encoding.UTF8.GetString(Write(report), 512, 170);

        Assert.That(document, Does.StartWith($"{{\"v\":2,\"caseKey\":\"{Key}\",\"mailboxId\":\"{Box}\","));
    }

    [Test]
    public void Write_ReportV2WithoutReplyRecipient_ThrowsArgument()
    {
        ReportV1 report = Report() with { V = 2, CaseKey = Key, MailboxId = Box };

        Assert.That(() => Write(report), Throws.ArgumentException);
    }

    [Test]
    public void Write_MessageV1WithCaseKey_ThrowsArgument()
    {
        var message = new MessageV1 { Text = "t", CaseKey = Key, Client = ContainerFixtures.Client };

        Assert.That(() => new SubmissionWriter(new MemoryStream(), message), Throws.ArgumentException);
    }

    [Test]
    public void Write_ReportV3EveryChannel_RoundTripsThroughTheReader()
    {
        ReportingChannel[] every = Enum.GetValues<ReportingChannel>();
        ReportV1 report = Report() with
        {
            V = 3, CaseKey = Key, MailboxId = Box, ReplyRecipient = PqRecipient,
            InternalReporting = new InternalReporting { Reported = Answer.Yes, Channels = every },
        };

        var (contents, _) = Read(Write(report));

        Assert.That(contents.Report!.V, Is.EqualTo(3));
        Assert.That(contents.Report.InternalReporting!.Channels, Is.EqualTo(every));
        Assert.That(every, Does.Contain(ReportingChannel.Osc).And.Contain(ReportingChannel.Crcl).And.Contain(ReportingChannel.Congress));
    }

    [TestCase(ReportingChannel.Osc)]
    [TestCase(ReportingChannel.Crcl)]
    [TestCase(ReportingChannel.Congress)]
    public void Write_ReportV2WithChannelOfV3_ThrowsArgument(ReportingChannel channel)
    {
        ReportV1 report = Report() with
        {
            V = 2, CaseKey = Key, MailboxId = Box, ReplyRecipient = PqRecipient,
            InternalReporting = new InternalReporting { Channels = [channel] },
        };

        Assert.That(() => Write(report), Throws.ArgumentException);
    }
}
