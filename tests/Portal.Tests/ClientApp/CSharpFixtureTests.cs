using System.Reflection;
using System.Text.Json;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Padding;

namespace WhistleSubmit.Portal.Tests.ClientApp;

/// <summary>
/// The browser's container writer, PADMÉ and safe-name ports are pinned (ClientApp/test/*.test.js) to values in
/// ClientApp/test/fixtures/csharp-containers.json. This test recomputes every value with the C# implementation, so
/// the fixture cannot drift from what SubmissionWriter, Padme and SafeFileName actually do.
/// </summary>
public class CSharpFixtureTests
{
    private static readonly string FixturePath = Path.Combine(
        AppContext.BaseDirectory, "../../../../../src/Portal/ClientApp/test/fixtures/csharp-containers.json");

    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(FixturePath)).RootElement;

    /// <remarks>
    /// Labels starting "v2 " hold report.json / message.json v2 with the fixture's caseKey, mailboxId and
    /// replyRecipient ("facts"); "v3 " ones are v3 with those facts, each attachment's copy ("copies") and, in reports, the channels v3 added; the rest are v1, kept so that v1 containers in the field stay pinned. With
    /// WHISTLESUBMIT_WRITE_FIXTURE=1 the test rewrites each container in the file instead of comparing (then commit it).
    /// </remarks>
    [Test]
    public void Containers_RewrittenWithSubmissionWriter_AreByteIdentical()
    {
        bool write = Environment.GetEnvironmentVariable("WHISTLESUBMIT_WRITE_FIXTURE") == "1";
        string text = File.ReadAllText(FixturePath);
        foreach (var c in Fixture.GetProperty("containers").EnumerateArray())
        {
            string label = c.GetProperty("label").GetString()!;
            string actual = Convert.ToBase64String(Write(c, label));
            string expected = c.GetProperty("container").GetString()!;
            if (write)
            {
                int at = text.IndexOf($"\"container\": \"{expected}\"", StringComparison.Ordinal);
                text = string.Concat(text.AsSpan(0, at), $"\"container\": \"{actual}\"", text.AsSpan(at + expected.Length + 15));
                continue;
            }

            Assert.That(actual, Is.EqualTo(expected), label);
        }

        if (write)
        {
            File.WriteAllText(FixturePath, text);
        }
    }

    [Test]
    public void Containers_BothVersions_ArePinned()
    {
        string[] labels = [.. Fixture.GetProperty("containers").EnumerateArray().Select(c => c.GetProperty("label").GetString()!)];

        Assert.That(labels.Count(l => l.StartsWith("v3 report", StringComparison.Ordinal)), Is.GreaterThan(0), "what both writers write");
        Assert.That(labels.Count(l => l.StartsWith("v2 report", StringComparison.Ordinal)), Is.GreaterThan(0), "a v2 report stays pinned");
        Assert.That(labels.Count(l => l.StartsWith("v2 message", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(labels.Count(l => l.StartsWith("v3 message", StringComparison.Ordinal)), Is.GreaterThan(0));
        Assert.That(labels.Count(l => l.StartsWith("report", StringComparison.Ordinal)), Is.GreaterThan(0), "a v1 report stays pinned");
        Assert.That(labels.Count(l => l.StartsWith("message", StringComparison.Ordinal)), Is.GreaterThan(0), "a v1 message stays pinned");
    }

    private static byte[] Write(JsonElement c, string label)
    {
        var client = new ClientFacts { Language = Language.En, EncryptedBy = EncryptedBy.Browser };
        string[] names = [.. c.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)];
        byte[][] contents = [.. c.GetProperty("contents").EnumerateArray().Select(n => Convert.FromBase64String(n.GetString()!))];
        bool v3 = label.StartsWith("v3 ", StringComparison.Ordinal);
        bool v2 = v3 || label.StartsWith("v2 ", StringComparison.Ordinal);
        AttachmentCopy?[] copies = v3
            ? [.. c.GetProperty("copies").EnumerateArray().Select(x => (AttachmentCopy?)(x.GetString() == "cleaned" ? AttachmentCopy.Cleaned : AttachmentCopy.Original))]
            : new AttachmentCopy?[names.Length];
        var attachments = names.Select((n, i) => new AttachmentInfo { Name = n, Size = contents[i].Length, Copy = copies[i] }).ToList();
        bool message = label.StartsWith(v2 ? label[..3] + "message" : "message", StringComparison.Ordinal);
        string? Fact(string name) => v2 ? c.GetProperty("facts").GetProperty(name).GetString() : null;
        var report = new ReportV1 { Description = "A description", Categories = [Category.ArrestQuotas], Attachments = attachments, Client = client };
        var followup = new MessageV1 { Text = "follow-up text", Attachments = attachments, Client = client };
        if (v2)
        {
            report = report with { V = v3 ? 3 : 2, CaseKey = Fact("caseKey"), MailboxId = Fact("mailboxId"), ReplyRecipient = Fact("replyRecipient") };
            followup = followup with { V = v3 ? 3 : 2, CaseKey = Fact("caseKey"), MailboxId = Fact("mailboxId") };
        }

        if (v3)
        {
            report = report with { InternalReporting = new InternalReporting { Channels = [ReportingChannel.Osc, ReportingChannel.Crcl, ReportingChannel.Congress] } };
        }

        using var output = new MemoryStream();
        using (var writer = message ? new SubmissionWriter(output, followup, leaveOpen: true) : new SubmissionWriter(output, report, leaveOpen: true))
        {
            foreach (byte[] content in contents)
            {
                writer.AddAttachment(new MemoryStream(content));
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    [Test]
    public void Padme_EveryFixtureLength_MatchesPaddedLength()
    {
        foreach (var p in Fixture.GetProperty("padme").EnumerateArray())
        {
            long length = long.Parse(p.GetProperty("length").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(Padme.PaddedLength(length).ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(p.GetProperty("padded").GetString()));
        }
    }

    [Test]
    public void SafeNames_EveryFixtureName_MatchesSanitize()
    {
        // SafeFileName is internal to the Crypto library; the fixture pins its behaviour, not its visibility.
        var sanitize = typeof(SubmissionWriter).Assembly.GetType("WhistleSubmit.Crypto.Containers.SafeFileName")!
            .GetMethod("Sanitize", BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var s in Fixture.GetProperty("safeNames").EnumerateArray())
        {
            string input = s.GetProperty("input").GetString()!;
            Assert.That((string)sanitize.Invoke(null, [input])!, Is.EqualTo(s.GetProperty("output").GetString()), input);
        }

    }
}
