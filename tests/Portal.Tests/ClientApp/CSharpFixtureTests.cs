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
    private static readonly JsonElement Fixture = JsonDocument.Parse(File.ReadAllText(Path.Combine(
        AppContext.BaseDirectory, "../../../../../src/Portal/ClientApp/test/fixtures/csharp-containers.json"))).RootElement;

    [Test]
    public void Containers_RewrittenWithSubmissionWriter_AreByteIdentical()
    {
        var client = new ClientFacts { Language = Language.En, EncryptedBy = EncryptedBy.Browser };
        foreach (var c in Fixture.GetProperty("containers").EnumerateArray())
        {
            string[] names = [.. c.GetProperty("names").EnumerateArray().Select(n => n.GetString()!)];
            byte[][] contents = [.. c.GetProperty("contents").EnumerateArray().Select(n => Convert.FromBase64String(n.GetString()!))];
            var attachments = names.Select((n, i) => new AttachmentInfo { Name = n, Size = contents[i].Length }).ToList();
            bool message = c.GetProperty("label").GetString()!.StartsWith("message", StringComparison.Ordinal);
            using var output = new MemoryStream();
            using (var writer = message
                ? new SubmissionWriter(output, new MessageV1 { Text = "follow-up text", Attachments = attachments, Client = client }, leaveOpen: true)
                : new SubmissionWriter(output, new ReportV1 { Description = "A description", Categories = [Category.ArrestQuotas], Attachments = attachments, Client = client }, leaveOpen: true))
            {
                foreach (byte[] content in contents)
                {
                    writer.AddAttachment(new MemoryStream(content));
                }

                writer.Complete();
            }

            Assert.That(Convert.ToBase64String(output.ToArray()), Is.EqualTo(c.GetProperty("container").GetString()), c.GetProperty("label").GetString());
        }
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
