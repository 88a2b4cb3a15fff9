using System.Text;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Replies;

/// <summary>TestVectors/mailbox-items.json, which src/Portal/ClientApp/test/mailbox-items.test.js checks too.</summary>
public class MailboxItemVectorTests
{
    private static readonly string SourcePath = Path.Combine(Repository.Root, "tests", "Crypto.Tests", "TestVectors", MailboxItemVectors.FileName);

    private static JsonObject Root => JsonNode.Parse(File.ReadAllText(SourcePath))!.AsObject();

    private static TeamPublicKey Trusted => TeamPublicKey.Parse((string)Root["trustedKey"]!);

    [Test]
    public void Build_Again_GivesTheCommittedFile()
    {
        Assert.That(File.ReadAllText(SourcePath), Is.EqualTo(MailboxItemVectors.Build()), "regenerate: see MailboxItemVectors");
    }

    [Test]
    public void Build_WriteWhenAsked_WritesMailboxItemsJson()
    {
        if (Environment.GetEnvironmentVariable("WHISTLE_WRITE_VECTORS") != "1")
        {
            Assert.Ignore("Set WHISTLE_WRITE_VECTORS=1 to rewrite mailbox-items.json.");
        }

        File.WriteAllText(SourcePath, MailboxItemVectors.Build());
    }

    [Test]
    public void Statuses_Open_GiveTheExpectedOutcome()
    {
        foreach (JsonNode? c in Root["statuses"]!.AsArray())
        {
            byte[] plaintext = Encoding.UTF8.GetBytes((string)c!["plaintext"]!);
            string outcome = Outcome(() => SignedCaseStatus.Open(plaintext, Trusted, (string)c["mailboxId"]!).ToJson());
            Assert.That(outcome, Is.EqualTo((string)c["outcome"]!), (string)c["name"]!);
            if (outcome == "ok")
            {
                Assert.That(Encoding.UTF8.GetString(SignedCaseStatus.Open(plaintext, Trusted, (string)c["mailboxId"]!).ToJson()), Is.EqualTo((string)c["payloadText"]!));
            }
        }
    }

    [Test]
    public void Newest_OfEachSet_IsTheExpectedStatus()
    {
        string mailbox = (string)Root["mailboxId"]!;
        foreach (JsonNode? c in Root["newest"]!.AsArray())
        {
            SignedCaseStatus? newest = null;
            foreach (JsonNode? p in c!["plaintexts"]!.AsArray())
            {
                try
                {
                    SignedCaseStatus s = SignedCaseStatus.Open(Encoding.UTF8.GetBytes((string)p!), Trusted, mailbox);
                    newest = newest is null || s.IsNewerThan(newest) ? s : newest;
                }
                catch (SignatureException)
                {
                }
            }

            Assert.That(newest?.Id, Is.EqualTo((string)c["newestId"]!), (string)c["name"]!);
        }
    }

    [Test]
    public void ConsentRequests_Open_GiveTheExpectedOutcome()
    {
        foreach (JsonNode? c in Root["consentRequests"]!.AsArray())
        {
            byte[] plaintext = Encoding.UTF8.GetBytes((string)c!["plaintext"]!);
            string outcome = Outcome(() => SignedConsentRequest.Open(plaintext, Trusted, (string)c["mailboxId"]!).ToJson());
            Assert.That(outcome, Is.EqualTo((string)c["outcome"]!), (string)c["name"]!);
        }
    }

    [Test]
    public void ConsentAnswer_Container_ReadsBackAsTheAnswer()
    {
        JsonNode v = Root["consentAnswer"]!;
        SubmissionContents contents = SubmissionReader.Read(new MemoryStream(Convert.FromBase64String((string)v["container"]!)), (_, _) => Assert.Fail("no attachments"));

        Assert.Multiple(() =>
        {
            Assert.That(contents.Consent, Is.Not.Null);
            Assert.That(contents.Message, Is.Null);
            Assert.That(contents.Consent!.Request, Is.EqualTo((string)v["request"]!));
            Assert.That(contents.Consent.Answers.Select(a => $"{a.Destination}={a.Answer}"), Is.EqualTo(new[] { "osc=yes", "press=no" }));
        });
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
