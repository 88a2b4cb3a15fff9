using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class X25519IdentityTests
{
    // The example key pair from the age specification ("The X25519 recipient type").
    private const string SpecIdentity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
    private const string SpecRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    [Test]
    public void Parse_SpecExample_DerivesSpecRecipient()
    {
        using var identity = X25519Identity.Parse(SpecIdentity);

        Assert.That(identity.Recipient.ToString(), Is.EqualTo(SpecRecipient));
    }

    [Test]
    public void ExportSecretKey_AfterParse_RoundTrips()
    {
        using var identity = X25519Identity.Parse(SpecIdentity);

        Assert.That(identity.ExportSecretKey(), Is.EqualTo(SpecIdentity));
    }

    [Test]
    public void ToString_Always_OmitsSecret()
    {
        using var identity = X25519Identity.Parse(SpecIdentity);

        Assert.That(identity.ToString(), Does.Not.Contain("SECRET").And.Not.Contain(SpecIdentity[16..40]));
    }

    [TestCase("", Description = "empty")]
    [TestCase("age-secret-key-1gfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpq4egaex", Description = "lower case")]
    [TestCase("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEY", Description = "bad checksum")]
    [TestCase(SpecRecipient, Description = "a recipient")]
    public void Parse_Malformed_ThrowsFormatWithoutEcho(string text)
    {
        var e = Assert.Throws<FormatException>(() => X25519Identity.Parse(text));

        Assert.That(e.Message, Does.Not.Contain("GFPYY").And.Not.Contain("zvkyg"));
    }

    [TestCase(31)]
    [TestCase(33)]
    public void Parse_WrongLength_ThrowsFormat(int length)
    {
        string text = Bech32.Encode("age-secret-key-", new byte[length]).ToUpperInvariant();

        Assert.Throws<FormatException>(() => X25519Identity.Parse(text));
    }

    [Test]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => X25519Identity.Parse(null!));
    }

    [Test]
    public void Members_AfterDispose_ThrowObjectDisposed()
    {
        var identity = X25519Identity.Generate();
        identity.Dispose();

        Assert.Throws<ObjectDisposedException>(() => identity.ExportSecretKey());
        Assert.Throws<ObjectDisposedException>(() => _ = identity.Recipient);
        Assert.Throws<ObjectDisposedException>(() => identity.Unwrap([]));
        Assert.That(identity.ToString(), Does.Contain("disposed"));
    }

    [Test]
    public void Unwrap_Null_Throws()
    {
        using var identity = X25519Identity.Generate();

        Assert.Throws<ArgumentNullException>(() => identity.Unwrap(null!));
    }

    [Test]
    public void Unwrap_OtherStanzaTypes_ReturnsNull()
    {
        using var identity = X25519Identity.Generate();

        Assert.That(identity.Unwrap([new Stanza("x25519", ["AAAA"], new byte[32])]), Is.Null);
    }

    [Test]
    public void Unwrap_WrongArgumentCount_ThrowsHeader()
    {
        using var identity = X25519Identity.Generate();
        Stanza stanza = identity.Recipient.Wrap(FileKey.Generate())[0];

        var e = Assert.Throws<AgeException>(() => identity.Unwrap([stanza with { Args = [.. stanza.Args, "x"] }]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Generate_TwoCalls_DifferentKeys()
    {
        using var a = X25519Identity.Generate();
        using var b = X25519Identity.Generate();

        Assert.That(a.Recipient.ToString(), Is.Not.EqualTo(b.Recipient.ToString()));
    }
}
