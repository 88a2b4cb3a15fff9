using System.Text;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

/// <summary>TestVectors/signed-formats.json, which src/Portal/ClientApp/test/mailbox.test.js checks too (replies).</summary>
public class SignedFormatVectorTests
{
    private static readonly string SourcePath = Path.Combine(Repository.Root, "tests", "Crypto.Tests", "TestVectors", SignedFormatVectors.FileName);

    private static JsonObject Root => JsonNode.Parse(File.ReadAllText(SourcePath))!.AsObject();

    private static TeamPublicKey Trusted => TeamPublicKey.Parse((string)Root["trustedKey"]!);

    [Test]
    public void Build_Again_GivesTheCommittedFile()
    {
        Assert.That(File.ReadAllText(SourcePath), Is.EqualTo(SignedFormatVectors.Build()), "regenerate: see SignedFormatVectors");
    }

    [Test]
    public void Build_WriteWhenAsked_WritesSignedFormatsJson()
    {
        if (Environment.GetEnvironmentVariable("WHISTLE_WRITE_VECTORS") != "1")
        {
            Assert.Ignore("Set WHISTLE_WRITE_VECTORS=1 to rewrite signed-formats.json.");
        }

        File.WriteAllText(SourcePath, SignedFormatVectors.Build());
    }

    [Test]
    public void Receipts_OpenSigned_GiveTheExpectedOutcome()
    {
        foreach (JsonNode? c in Root["receipts"]!.AsArray())
        {
            byte[] document = Encoding.UTF8.GetBytes((string)c!["document"]!);
            string outcome = Outcome(() => ImportReceipt.OpenSigned(document, Trusted).ToJson());
            Assert.That(outcome, Is.EqualTo((string)c["outcome"]!), (string)c["name"]!);
            if (outcome == "ok")
            {
                Assert.That(Encoding.UTF8.GetString(ImportReceipt.OpenSigned(document, Trusted).ToJson()), Is.EqualTo((string)c["payloadText"]!));
            }
        }
    }

    [Test]
    public void RepliesManifests_Open_GiveTheExpectedOutcome()
    {
        foreach (JsonNode? c in Root["repliesManifests"]!.AsArray())
        {
            byte[] document = Encoding.UTF8.GetBytes((string)c!["document"]!);
            Assert.That(Outcome(() => SignedDocument.Open(document, Trusted, BundleManifest.SignedType)), Is.EqualTo((string)c["outcome"]!), (string)c["name"]!);
        }
    }

    [Test]
    public void Replies_Open_GiveTheExpectedOutcome()
    {
        foreach (JsonNode? c in Root["replies"]!.AsArray())
        {
            byte[] plaintext = Encoding.UTF8.GetBytes((string)c!["plaintext"]!);
            string mailbox = (string)c["mailboxId"]!;
            Assert.That(Outcome(() => SignedReply.Open(plaintext, Trusted, mailbox)), Is.EqualTo((string)c["outcome"]!), (string)c["name"]!);
            if ((string)c["outcome"]! == "ok")
            {
                SignedReply reply = SignedReply.Open(plaintext, Trusted, mailbox);
                Assert.That(reply.Text, Is.EqualTo((string)c["text"]!));
                Assert.That(reply.Day, Is.EqualTo((string)c["day"]!));
            }
        }
    }

    private static string Outcome(Func<object> open)
    {
        try
        {
            open();
            return "ok";
        }
        catch (SignatureException e)
        {
            return e.Reason switch
            {
                SignatureFailure.NotAnEnvelope => "not-an-envelope",
                SignatureFailure.WrongType => "wrong-type",
                SignatureFailure.OtherKey => "other-key",
                _ => "bad-signature",
            };
        }
        catch (FormatException e)
        {
            return e.Message.Contains("another mailbox", StringComparison.Ordinal) ? "other-mailbox" : "malformed";
        }
    }
}
