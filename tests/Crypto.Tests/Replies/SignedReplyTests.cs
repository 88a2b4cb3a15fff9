using System.Text;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Crypto.Tests.Signing;

namespace WhistleSubmit.Crypto.Tests.Replies;

/// <summary>Reply version 2 (P3): signed by the team, bound to the source's mailbox.</summary>
public class SignedReplyTests
{
    private const string Mailbox = "0d55a056e28e9586677fadfef201044683caead82410cac516d143ed2db8c858";
    private const string OtherMailbox = "1d55a056e28e9586677fadfef201044683caead82410cac516d143ed2db8c858";
    private const string Id = "00112233445566778899aabbccddeeff";

    private static readonly TeamSigningKey Team = TestTeamKeys.Team;
    private static readonly TeamSigningKey Other = TestTeamKeys.Other;

    private static SignedReply Reply(string text = "Thank you. ¿Qué turno era?\nLine two.") =>
        new() { MailboxId = Mailbox, Id = Id, Day = "2026-12-07", Text = text };

    [Test]
    public void Open_SignedByTeamForThisMailbox_GivesTheReply()
    {
        SignedReply back = SignedReply.Open(Reply().ToSignedDocument(Team), Team.PublicKey, Mailbox);

        Assert.That(back, Is.EqualTo(Reply()));
    }

    [Test]
    public void ToSignedDocument_Payload_IsTheDocumentedJson()
    {
        byte[] payload = SignedDocument.Open(Reply("Hi.").ToSignedDocument(Team), Team.PublicKey, "reply");

        Assert.That(Encoding.UTF8.GetString(payload), Is.EqualTo($$"""{"v":2,"mailboxId":"{{Mailbox}}","id":"{{Id}}","day":"2026-12-07","text":"Hi."}"""));
    }

    [Test]
    public void Open_ForAnotherMailbox_IsRefused()
    {
        Assert.That(() => SignedReply.Open(Reply().ToSignedDocument(Team), Team.PublicKey, OtherMailbox), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Open_Version1PlainText_IsNotAnEnvelope()
    {
        var refused = Assert.Throws<SignatureException>(() => SignedReply.Open("Send me the names."u8, Team.PublicKey, Mailbox));

        Assert.That(refused!.Reason, Is.EqualTo(SignatureFailure.NotAnEnvelope));
    }

    [Test]
    public void Open_SignedByAnotherKey_IsOtherKey()
    {
        var refused = Assert.Throws<SignatureException>(() => SignedReply.Open(Reply().ToSignedDocument(Other), Team.PublicKey, Mailbox));

        Assert.That(refused!.Reason, Is.EqualTo(SignatureFailure.OtherKey));
    }

    [Test]
    public void Open_SignedReceiptOfferedAsReply_IsWrongType()
    {
        byte[] other = SignedDocument.Create(Team, "import-receipt", SignedDocument.Open(Reply().ToSignedDocument(Team), Team.PublicKey, "reply"));

        Assert.That(Assert.Throws<SignatureException>(() => SignedReply.Open(other, Team.PublicKey, Mailbox))!.Reason, Is.EqualTo(SignatureFailure.WrongType));
    }

    [TestCase("""{"v":1,"mailboxId":"M","id":"I","day":"2026-12-07","text":"x"}""")]
    [TestCase("""{"v":2,"mailboxId":"M","id":"I","day":"2026-12-07","text":"x","extra":1}""")]
    [TestCase("""{"v":2,"mailboxId":"M","id":"I","day":"2026-12-07"}""")]
    [TestCase("""{"v":2,"mailboxId":"M","id":"I","day":"07/12/2026","text":"x"}""")]
    [TestCase("""{"v":2,"mailboxId":"M","id":"I","day":"2026-12-07","text":"\u0007"}""")]
    [TestCase("""{"v":2,"mailboxId":"M","mailboxId":"M","id":"I","day":"2026-12-07","text":"x"}""")]
    public void Open_SignedMalformedPayload_IsRefused(string json)
    {
        byte[] payload = Encoding.UTF8.GetBytes(json.Replace("\"M\"", $"\"{Mailbox}\"", StringComparison.Ordinal).Replace("\"I\"", $"\"{Id}\"", StringComparison.Ordinal));

        Assert.That(() => SignedReply.Open(SignedDocument.Create(Team, "reply", payload), Team.PublicKey, Mailbox), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void ToSignedDocument_TooLongText_Throws()
    {
        Assert.That(() => Reply(new string('a', SignedReply.MaxTextBytes + 1)).ToSignedDocument(Team), Throws.ArgumentException);
    }
}
