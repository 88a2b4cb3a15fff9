using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class X25519RecipientTests
{
    private const string SpecRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    [Test]
    public void Parse_SpecExample_RoundTripsToString()
    {
        Assert.That(X25519Recipient.Parse(SpecRecipient).ToString(), Is.EqualTo(SpecRecipient));
    }

    [Test]
    public void Labels_Always_Empty()
    {
        Assert.That(X25519Recipient.Parse(SpecRecipient).Labels, Is.Empty);
    }

    [TestCase("", Description = "empty")]
    [TestCase("AGE1ZVKYG2LQZRAA2LNJVQEJ32NKUU0UES2S82HZRYE869XEEXVN73EQUNUJWJ", Description = "upper case")]
    [TestCase("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwk", Description = "bad checksum")]
    public void Parse_Malformed_ThrowsFormat(string text)
    {
        Assert.Throws<FormatException>(() => X25519Recipient.Parse(text));
    }

    [Test]
    public void Parse_LowOrderPoint_ThrowsFormat()
    {
        // u = 0 and u = 1 are low-order points: every agreement with them is all zero.
        byte[] one = new byte[32];
        one[0] = 1;

        Assert.Throws<FormatException>(() => X25519Recipient.Parse(Bech32.Encode("age", new byte[32])));
        Assert.Throws<FormatException>(() => X25519Recipient.Parse(Bech32.Encode("age", one)));
    }

    [TestCase(31)]
    [TestCase(33)]
    public void Parse_WrongLength_ThrowsFormat(int length)
    {
        Assert.Throws<FormatException>(() => X25519Recipient.Parse(Bech32.Encode("age", new byte[length])));
    }

    [Test]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => X25519Recipient.Parse(null!));
    }

    [Test]
    public void Wrap_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => X25519Recipient.Parse(SpecRecipient).Wrap(null!));
    }

    [Test]
    public void Wrap_FileKey_MakesOneWellFormedStanza()
    {
        using var fileKey = FileKey.Generate();

        IReadOnlyList<Stanza> stanzas = X25519Recipient.Parse(SpecRecipient).Wrap(fileKey);

        Assert.That(stanzas, Has.Count.EqualTo(1));
        Assert.That(stanzas[0].Type, Is.EqualTo("X25519"));
        Assert.That(stanzas[0].Args, Has.Count.EqualTo(1));
        Assert.That(stanzas[0].Body.Length, Is.EqualTo(32));
    }
}
