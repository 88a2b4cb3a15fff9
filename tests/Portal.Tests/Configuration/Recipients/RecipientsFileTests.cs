using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;

namespace WhistleSubmit.Portal.Tests.Configuration.Recipients;

public class RecipientsFileTests
{
    private static IReadOnlyList<ReviewerKey> Parse(string text) => RecipientsFile.Parse(new StringReader(text), "recipients.txt");

    [Test]
    public void Parse_CommentAboveRecipient_NamesIt()
    {
        string first = TestKeys.NewRecipient();
        string second = TestKeys.NewRecipient();

        var keys = Parse($"# general comment\n\n# Maria (legal)\n{first}\n{second}\n");

        Assert.That(keys.Select(k => k.Name), Is.EqualTo(new[] { "Maria (legal)", null }));
        Assert.That(keys.Select(k => k.Recipient), Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public void Parse_BlankLineBetweenCommentAndRecipient_LeavesItUnnamed()
    {
        var keys = Parse($"# not a name\n\n{TestKeys.NewRecipient()}\n");

        Assert.That(keys.Single().Name, Is.Null);
    }

    [Test]
    public void Parse_OnlyComments_Empty()
    {
        Assert.That(Parse("# nobody yet\n\n"), Is.Empty);
    }

    [Test]
    public void Parse_ClassicX25519Recipient_RefusedWithLineNumber()
    {
        var error = Assert.Throws<PortalStartupException>(
            () => Parse($"{TestKeys.NewRecipient()}\nage1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n"));

        Assert.That(error!.Message, Does.Contain("line 2"));
    }

    [Test]
    public void Parse_SecretKeyByMistake_ErrorDoesNotRepeatIt()
    {
        const string secret = "AGE-SECRET-KEY-PQ-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQSECRET";

        var error = Assert.Throws<PortalStartupException>(() => Parse(secret + "\n"));

        Assert.That(error!.Message + error.Hint, Does.Not.Contain("SECRET-KEY-PQ"));
    }

    [Test]
    public void Parse_SameRecipientTwice_Refused()
    {
        string recipient = TestKeys.NewRecipient();

        Assert.That(() => Parse($"{recipient}\n{recipient}\n"), Throws.InstanceOf<PortalStartupException>());
    }

    [Test]
    public void Parse_OverlongLine_Refused()
    {
        Assert.That(() => Parse(new string('a', 5000)), Throws.InstanceOf<PortalStartupException>());
    }
}
