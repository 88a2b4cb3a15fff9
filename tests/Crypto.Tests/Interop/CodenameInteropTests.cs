using System.Text.Json;
using WhistleSubmit.Crypto.Codenames;

namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>
/// The browser (src/Portal/ClientApp/src/codename.js) and C# (SourceKeys) must derive the same mailbox and reply keys
/// from a codename (docs/FORMATS.md#codename-derivation), or a source could never read a reply.
/// </summary>
[TestFixture]
public class CodenameInteropTests
{
    private string node = null!;

    [SetUp]
    public void SetUp() => node = InteropEnvironment.RequireNode();

    [Test]
    [Repeat(3)]
    public void Derive_GeneratedCodename_NodeAndCSharpAgree()
    {
        string codename = Codename.Generate();

        AssertSameKeys(codename);
    }

    [Test]
    public void Derive_CodenameWithOddCaseAndSpacing_NodeAndCSharpAgree()
    {
        string codename = Codename.Generate();
        IEnumerable<string> words = codename.Split(' ').Select((w, i) => i % 2 == 0 ? w.ToUpperInvariant() : w);
        string messy = "  " + string.Join(" \t ", words) + "\n";

        AssertSameKeys(messy);
    }

    private void AssertSameKeys(string codename)
    {
        var result = ProcessRunner.Run(
            node,
            [InteropEnvironment.InteropScript, "derive", codename],
            workingDirectory: InteropEnvironment.ClientAppDirectory).AssertSuccess("node derive");
        using var json = JsonDocument.Parse(result.StdOut);
        var js = json.RootElement;

        using var keys = SourceKeys.Derive(codename);

        Assert.Multiple(() =>
        {
            Assert.That(js.GetProperty("codename").GetString(), Is.EqualTo(Codename.Normalize(codename)));
            Assert.That(js.GetProperty("mailboxToken").GetString(), Is.EqualTo(Convert.ToHexStringLower(keys.MailboxToken)));
            Assert.That(js.GetProperty("mailboxId").GetString(), Is.EqualTo(keys.MailboxId));
            Assert.That(js.GetProperty("replyRecipient").GetString(), Is.EqualTo(keys.ReplyRecipient.ToString()));
            Assert.That(js.GetProperty("replyIdentity").GetString(), Is.EqualTo(keys.ReplyIdentity.ExportSecretKey()));
        });
    }
}
