using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Age.Hpke;
using static WhistleSubmit.Crypto.Tests.Age.Hpke.PublishedVectors;

namespace WhistleSubmit.Crypto.Tests.Age;

public class MlKem768X25519RecipientTests
{
    private static readonly string ExampleRecipient = SpecExamples.Join(SpecExamples.Recipient);

    [Test]
    public void Parse_SpecExample_RoundTripsThroughToString()
    {
        var recipient = MlKem768X25519Recipient.Parse(ExampleRecipient);

        Assert.That(recipient.ToString(), Is.EqualTo(ExampleRecipient));
    }

    [Test]
    public void ToString_PublishedPublicKey_IsAge1pqBech32()
    {
        var recipient = new MlKem768X25519Recipient(Hex.Decode(XWing.PublicKey));

        Assert.That(recipient.ToString(), Does.StartWith("age1pq1").And.Length.EqualTo(1959));
    }

    [Test]
    public void Labels_Always_ArePostquantumOnly()
    {
        var recipient = MlKem768X25519Recipient.Parse(ExampleRecipient);

        Assert.That(recipient.Labels, Is.EquivalentTo(new[] { "postquantum" }));
    }

    [Test]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.That(() => MlKem768X25519Recipient.Parse(null!), Throws.ArgumentNullException);
    }

    [TestCase("", Description = "empty")]
    [TestCase("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj", Description = "an X25519 recipient")]
    [TestCase("AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFR", Description = "a PQ identity")]
    [TestCase("age1pq1qqqqqqqqqqqqqq", Description = "bad checksum")]
    public void Parse_NotAPostQuantumRecipient_ThrowsGenericFormatException(string text)
    {
        Assert.That(() => MlKem768X25519Recipient.Parse(text),
            Throws.TypeOf<FormatException>().With.Message.EqualTo("Malformed post-quantum recipient."));
    }

    [Test]
    public void Parse_UpperCase_Throws()
    {
        Assert.That(() => MlKem768X25519Recipient.Parse(ExampleRecipient.ToUpperInvariant()), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Parse_ChangedCharacter_ThrowsWithoutEchoingTheKey()
    {
        string broken = ExampleRecipient[..100] + (ExampleRecipient[100] == 'q' ? 'p' : 'q') + ExampleRecipient[101..];

        Assert.That(() => MlKem768X25519Recipient.Parse(broken),
            Throws.TypeOf<FormatException>().With.Message.Not.Contain(broken[7..40]));
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void Parse_WrongKeyLength_Throws(int delta)
    {
        string text = Bech32.Encode("age1pq", new byte[MlKem768X25519.PublicKeySize + delta]);

        Assert.That(() => MlKem768X25519Recipient.Parse(text), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Parse_MlKemCoefficientNotBelowQ_Throws()
    {
        byte[] pk = Hex.Decode(XWing.PublicKey);
        pk[0] = 0xff;
        pk[1] |= 0x0f;

        Assert.That(() => MlKem768X25519Recipient.Parse(Bech32.Encode("age1pq", pk)), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Parse_LowOrderX25519Key_Throws()
    {
        byte[] pk = Hex.Decode(XWing.PublicKey);
        pk.AsSpan(MlKem768X25519.MlKemPublicKeySize).Clear();

        Assert.That(() => MlKem768X25519Recipient.Parse(Bech32.Encode("age1pq", pk)), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Wrap_FileKey_GivesOneWellFormedStanza()
    {
        var recipient = MlKem768X25519Recipient.Parse(ExampleRecipient);
        using var fileKey = FileKey.Generate();

        IReadOnlyList<Stanza> stanzas = recipient.Wrap(fileKey);

        Assert.That(stanzas, Has.Count.EqualTo(1));
        Stanza stanza = stanzas[0];
        Assert.Multiple(() =>
        {
            Assert.That(stanza.Type, Is.EqualTo("mlkem768x25519"));
            Assert.That(stanza.Args, Has.Count.EqualTo(1));
            Assert.That(Base64Canonical.Decode(stanza.Args[0]), Has.Length.EqualTo(1120));
            Assert.That(stanza.Body.Length, Is.EqualTo(32));
        });
    }

    [Test]
    public void Wrap_Twice_UsesFreshRandomness()
    {
        var recipient = MlKem768X25519Recipient.Parse(ExampleRecipient);
        using var fileKey = FileKey.Generate();

        Stanza first = recipient.Wrap(fileKey)[0], second = recipient.Wrap(fileKey)[0];

        Assert.That(second.Args[0], Is.Not.EqualTo(first.Args[0]));
    }

    [Test]
    public void Wrap_FixedRandomness_EncMatchesHpkePqVector()
    {
        var recipient = new MlKem768X25519Recipient(Hex.Decode(HpkePq.PkRm));
        using var fileKey = FileKey.FromBytes(new byte[16]);

        Stanza stanza = recipient.Wrap(fileKey, Hex.Decode(HpkePq.IkmE));

        Assert.That(Base64Canonical.Decode(stanza.Args[0]), Is.EqualTo(Hex.Decode(HpkePq.Enc)));
    }

    [Test]
    public void Wrap_Null_ThrowsArgumentNull()
    {
        var recipient = MlKem768X25519Recipient.Parse(ExampleRecipient);

        Assert.That(() => recipient.Wrap(null!), Throws.ArgumentNullException);
    }
}
