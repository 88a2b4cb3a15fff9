using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class AgeKeysTests
{
    private const string Identity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
    private const string Recipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    [Test]
    public void ParseRecipient_X25519_ReturnsX25519Recipient()
    {
        Assert.That(AgeKeys.ParseRecipient(Recipient), Is.TypeOf<X25519Recipient>());
    }

    [Test]
    public void ParseIdentity_X25519_ReturnsX25519Identity()
    {
        var identity = AgeKeys.ParseIdentity(Identity);

        Assert.That(identity, Is.TypeOf<X25519Identity>());
        ((IDisposable)identity).Dispose();
    }

    [TestCase("garbage")]
    [TestCase("")]
    [TestCase("age1notbech32")]
    public void ParseRecipient_Malformed_ThrowsFormatWithoutEcho(string text)
    {
        var e = Assert.Throws<FormatException>(() => AgeKeys.ParseRecipient(text));

        Assert.That(e.Message, Does.Not.Contain(text.Length > 0 ? text : "\u0000"));
    }

    [TestCase("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZ")]
    [TestCase("age-secret-key-1gfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpq4egaex")]
    public void ParseIdentity_Malformed_ThrowsFormatWithoutEcho(string text)
    {
        var e = Assert.Throws<FormatException>(() => AgeKeys.ParseIdentity(text));

        Assert.That(e.Message, Does.Not.Contain("GFPYY").IgnoreCase);
    }

    [Test]
    public void ParseRecipientAndIdentity_PostQuantum_ReturnMlKem768X25519Types()
    {
        using MlKem768X25519Identity generated = MlKem768X25519Identity.Generate();

        IRecipient recipient = AgeKeys.ParseRecipient(generated.Recipient.ToString());
        IIdentity identity = AgeKeys.ParseIdentity(generated.ExportSecretKey());

        Assert.That(recipient, Is.TypeOf<MlKem768X25519Recipient>());
        Assert.That(recipient.ToString(), Is.EqualTo(generated.Recipient.ToString()));
        Assert.That(identity, Is.TypeOf<MlKem768X25519Identity>());
        Assert.That(((MlKem768X25519Identity)identity).ExportSecretKey(), Is.EqualTo(generated.ExportSecretKey()));
        ((IDisposable)identity).Dispose();
    }

    [Test]
    public void Parse_MalformedPostQuantumKeys_ThrowFormat()
    {
        Assert.Throws<FormatException>(() => AgeKeys.ParseRecipient("age1pq1abc"));
        Assert.Throws<FormatException>(() => AgeKeys.ParseIdentity("AGE-SECRET-KEY-PQ-1ABC"));
    }

    [Test]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AgeKeys.ParseRecipient(null!));
        Assert.Throws<ArgumentNullException>(() => AgeKeys.ParseIdentity(null!));
        Assert.Throws<ArgumentNullException>(() => AgeKeys.ParseRecipientsFile(null!));
        Assert.Throws<ArgumentNullException>(() => AgeKeys.ParseIdentitiesFile(null!));
    }

    [Test]
    public void ParseIdentitiesFile_CommentsAndBlankLines_Skipped()
    {
        string text = $"# created: today\n\n{Identity}\r\n  \n# public key: {Recipient}\n{Identity}\n";

        var identities = AgeKeys.ParseIdentitiesFile(new StringReader(text));

        Assert.That(identities, Has.Count.EqualTo(2));
        foreach (IDisposable d in identities.OfType<IDisposable>())
        {
            d.Dispose();
        }
    }

    [Test]
    public void ParseRecipientsFile_CommentsAndBlankLines_Skipped()
    {
        var recipients = AgeKeys.ParseRecipientsFile(new StringReader($"# me\n{Recipient}\n\n"));

        Assert.That(recipients, Has.Count.EqualTo(1));
    }

    [Test]
    public void ParseIdentitiesFile_MalformedLine_ThrowsFormatWithLineNumberOnly()
    {
        string bad = Identity[..^1] + "Y";

        var e = Assert.Throws<FormatException>(() => AgeKeys.ParseIdentitiesFile(new StringReader($"{Identity}\n{bad}\n")));

        Assert.That(e.Message, Does.Contain("line 2").And.Not.Contain("GFPYY"));
    }

    [TestCase("")]
    [TestCase("# only a comment\n\n")]
    public void ParseFiles_NoKeys_ThrowFormat(string text)
    {
        Assert.Throws<FormatException>(() => AgeKeys.ParseIdentitiesFile(new StringReader(text)));
        Assert.Throws<FormatException>(() => AgeKeys.ParseRecipientsFile(new StringReader(text)));
    }
}
