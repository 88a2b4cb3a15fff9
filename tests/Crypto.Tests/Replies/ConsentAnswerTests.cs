using System.Text;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.Crypto.Tests.Replies;

/// <summary>consent.json v1 inside a submission container: written and read strictly.</summary>
public class ConsentAnswerTests
{
    private static ConsentAnswerV1 Answer(params (string Destination, string Answer)[] answers) => new()
    {
        CaseKey = MailboxItemVectors.CaseKey,
        MailboxId = MailboxItemVectors.Mailbox,
        Request = "20000000000000000000000000000001",
        Answers = [.. answers.Select(a => new ConsentChoice { Destination = a.Destination, Answer = a.Answer })],
        Client = new ClientFacts { Language = Language.En, EncryptedBy = EncryptedBy.Server },
    };

    [TestCase("press", "yes", "osc", "no")]
    [TestCase("osc", "yes", "osc", "no")]
    [TestCase("osc", "maybe", "press", "no")]
    [TestCase("ice", "yes", "press", "no")]
    public void Writer_AnswersBreakingTheRules_AreRefused(string d1, string a1, string d2, string a2)
    {
        Assert.That(() => new SubmissionWriter(new MemoryStream(), Answer((d1, a1), (d2, a2))), Throws.ArgumentException);
    }

    [Test]
    public void Reader_UnknownField_IsRefused()
    {
        using var container = new MemoryStream();
        using (var writer = new SubmissionWriter(container, Answer(("osc", "yes")), leaveOpen: true))
        {
            writer.Complete();
        }

        byte[] bytes = container.ToArray();
        string text = Encoding.Latin1.GetString(bytes);
        // Same length, so the tar header's size still fits: "request" becomes "requesu", an unknown field.
        byte[] tampered = Encoding.Latin1.GetBytes(text.Replace("\"request\"", "\"requesu\"", StringComparison.Ordinal));

        Assert.That(SubmissionReader.Read(new MemoryStream(bytes), (_, _) => { }).Consent, Is.Not.Null);
        Assert.That(() => SubmissionReader.Read(new MemoryStream(tampered), (_, _) => { }), Throws.TypeOf<ContainerException>());
    }
}
