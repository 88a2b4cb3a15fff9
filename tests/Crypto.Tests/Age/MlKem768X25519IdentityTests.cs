using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Age.Hpke;
using static WhistleSubmit.Crypto.Tests.Age.Hpke.PublishedVectors;

namespace WhistleSubmit.Crypto.Tests.Age;

public class MlKem768X25519IdentityTests
{
    private static readonly byte[] FileKeyBytes = Convert.FromHexString("59454c4c4f57205355424d4152494e45");

    [Test]
    public void Recipient_SpecExampleIdentity_IsSpecExampleRecipient()
    {
        using var identity = MlKem768X25519Identity.Parse(SpecExamples.Identity);

        Assert.That(identity.Recipient.ToString(), Is.EqualTo(SpecExamples.Join(SpecExamples.Recipient)));
    }

    [Test]
    public void Recipient_XWingVectorSeed_HasPublishedPublicKey()
    {
        using var identity = MlKem768X25519Identity.FromSeed(Hex.Decode(XWing.Seed));

        Assert.That(identity.Recipient.PublicKey.ToArray(), Is.EqualTo(Hex.Decode(XWing.PublicKey)));
    }

    [Test]
    public void FromSeed_SameSeed_GivesSameKeys()
    {
        byte[] seed = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        using var first = MlKem768X25519Identity.FromSeed(seed);
        using var second = MlKem768X25519Identity.FromSeed(seed);

        Assert.Multiple(() =>
        {
            Assert.That(second.Recipient.ToString(), Is.EqualTo(first.Recipient.ToString()));
            Assert.That(second.ExportSecretKey(), Is.EqualTo(first.ExportSecretKey()));
        });
    }

    [TestCase(0)]
    [TestCase(31)]
    [TestCase(33)]
    [TestCase(64)]
    public void FromSeed_WrongLength_ThrowsArgument(int length)
    {
        Assert.That(() => MlKem768X25519Identity.FromSeed(new byte[length]), Throws.ArgumentException);
    }

    [Test]
    public void Generate_Twice_GivesDifferentIdentities()
    {
        using var first = MlKem768X25519Identity.Generate();
        using var second = MlKem768X25519Identity.Generate();

        Assert.That(second.Recipient.ToString(), Is.Not.EqualTo(first.Recipient.ToString()));
    }

    [Test]
    public void ExportSecretKey_ParsedKey_RoundTripsInUpperCase()
    {
        using var identity = MlKem768X25519Identity.Parse(SpecExamples.Identity);

        Assert.That(identity.ExportSecretKey(), Is.EqualTo(SpecExamples.Identity));
    }

    [Test]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.That(() => MlKem768X25519Identity.Parse(null!), Throws.ArgumentNullException);
    }

    [TestCase("", Description = "empty")]
    [TestCase("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX", Description = "an X25519 identity")]
    [TestCase("age-secret-key-pq-1xx76jralnlxdmew0crk45qmcch4x06se84un3vpm33w6hwdx0h3sk3zqfr", Description = "lower case")]
    [TestCase("AGE-SECRET-KEY-PQ-1XX76JRALNLXDMEW0CRK45QMCCH4X06SE84UN3VPM33W6HWDX0H3SK3ZQFQ", Description = "bad checksum")]
    [TestCase("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj", Description = "a recipient")]
    public void Parse_NotAPostQuantumIdentity_ThrowsGenericFormatException(string text)
    {
        Assert.That(() => MlKem768X25519Identity.Parse(text),
            Throws.TypeOf<FormatException>().With.Message.EqualTo("Malformed post-quantum secret key."));
    }

    [TestCase(16)]
    [TestCase(33)]
    public void Parse_WrongSeedLength_Throws(int length)
    {
        string text = Bech32.Encode("age-secret-key-pq-", new byte[length]).ToUpperInvariant();

        Assert.That(() => MlKem768X25519Identity.Parse(text), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void ToString_Always_PrintsNoSecret()
    {
        using var identity = MlKem768X25519Identity.Parse(SpecExamples.Identity);

        Assert.That(identity.ToString(), Does.Not.Contain("AGE-SECRET").And.Not.Contain(SpecExamples.Identity[19..30]));
    }

    [Test]
    public void Unwrap_OwnStanza_ReturnsFileKey()
    {
        using var identity = MlKem768X25519Identity.Generate();
        using var fileKey = FileKey.FromBytes(FileKeyBytes);

        using FileKey? unwrapped = identity.Unwrap(identity.Recipient.Wrap(fileKey));

        Assert.That(unwrapped?.Span.ToArray(), Is.EqualTo(FileKeyBytes));
    }

    [Test]
    public void Unwrap_ParsedRecipientStanza_ReturnsFileKey()
    {
        using var identity = MlKem768X25519Identity.Parse(SpecExamples.Identity);
        var recipient = MlKem768X25519Recipient.Parse(SpecExamples.Join(SpecExamples.Recipient));
        using var fileKey = FileKey.FromBytes(FileKeyBytes);

        using FileKey? unwrapped = identity.Unwrap(recipient.Wrap(fileKey));

        Assert.That(unwrapped?.Span.ToArray(), Is.EqualTo(FileKeyBytes));
    }

    [Test]
    public void Unwrap_OtherIdentitysStanza_ReturnsNull()
    {
        using var identity = MlKem768X25519Identity.Generate();
        using var other = MlKem768X25519Identity.Generate();
        using var fileKey = FileKey.Generate();

        Assert.That(identity.Unwrap(other.Recipient.Wrap(fileKey)), Is.Null);
    }

    [Test]
    public void Unwrap_SecondOfSeveralStanzas_ReturnsFileKey()
    {
        using var identity = MlKem768X25519Identity.Generate();
        using var other = MlKem768X25519Identity.Generate();
        using var fileKey = FileKey.FromBytes(FileKeyBytes);
        Stanza[] stanzas =
        [
            new("X25519", ["O6DLx/wDIawpUC978NSPjYvrfDtJVnZApXKp4FMPHCY"], new byte[32]),
            other.Recipient.Wrap(fileKey)[0],
            identity.Recipient.Wrap(fileKey)[0],
        ];

        using FileKey? unwrapped = identity.Unwrap(stanzas);

        Assert.That(unwrapped?.Span.ToArray(), Is.EqualTo(FileKeyBytes));
    }

    [TestCase("X25519", Description = "another recipient type, even with a hybrid-sized argument")]
    [TestCase("MLKEM768X25519", Description = "type names are case-sensitive (CCTV hybrid_uppercase)")]
    [TestCase("grease", Description = "an unknown type")]
    public void Unwrap_OtherStanzaType_IsIgnored(string type)
    {
        using var identity = MlKem768X25519Identity.Generate();
        using var fileKey = FileKey.Generate();
        Stanza own = identity.Recipient.Wrap(fileKey)[0];

        Assert.That(identity.Unwrap([own with { Type = type }]), Is.Null);
    }

    [Test]
    public void Unwrap_EmptyList_ReturnsNull()
    {
        using var identity = MlKem768X25519Identity.Generate();

        Assert.That(identity.Unwrap([]), Is.Null);
    }

    [Test]
    public void Unwrap_TamperedBody_ReturnsNull()
    {
        using var identity = MlKem768X25519Identity.Generate();
        using var fileKey = FileKey.Generate();
        Stanza own = identity.Recipient.Wrap(fileKey)[0];
        byte[] body = own.Body.ToArray();
        body[0] ^= 1;

        Assert.That(identity.Unwrap([own with { Body = body }]), Is.Null);
    }

    [TestCaseSource(nameof(MalformedStanzas))]
    public void Unwrap_MalformedStanza_ThrowsHeaderError(Func<Stanza, Stanza> malform)
    {
        using var identity = MlKem768X25519Identity.Generate();
        using var fileKey = FileKey.Generate();
        Stanza stanza = malform(identity.Recipient.Wrap(fileKey)[0]);

        Assert.That(() => identity.Unwrap([stanza]),
            Throws.TypeOf<AgeException>().With.Property(nameof(AgeException.Kind)).EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Unwrap_NullList_ThrowsArgumentNull()
    {
        using var identity = MlKem768X25519Identity.Generate();

        Assert.That(() => identity.Unwrap(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Members_AfterDispose_ThrowObjectDisposed()
    {
        var identity = MlKem768X25519Identity.Generate();
        identity.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(() => identity.Unwrap([]), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => identity.Recipient, Throws.TypeOf<ObjectDisposedException>());
            Assert.That(() => identity.ExportSecretKey(), Throws.TypeOf<ObjectDisposedException>());
            Assert.That(identity.Dispose, Throws.Nothing);
        });
    }

    private static IEnumerable<TestCaseData> MalformedStanzas()
    {
        static string Enc(int length) => Base64Canonical.Encode(new byte[length]);

        yield return Case(s => s with { Args = [] }, "no argument");
        yield return Case(s => s with { Args = [s.Args[0], "extra"] }, "an extra argument (CCTV hybrid_extra_argument)");
        yield return Case(s => s with { Args = [s.Args[0] + "="] }, "padded base64");
        yield return Case(s => s with { Args = [NonCanonical(s.Args[0])] }, "non-canonical base64 (CCTV hybrid_not_canonical_enc)");
        yield return Case(s => s with { Args = [Enc(MlKem768X25519.EncSize - 1)] }, "enc one byte short (CCTV hybrid_short_share)");
        yield return Case(s => s with { Args = [Enc(MlKem768X25519.EncSize + 1)] }, "enc one byte long (CCTV hybrid_long_share)");
        yield return Case(s => s with { Body = s.Body[..31] }, "body one byte short");
        yield return Case(s => s with { Body = new byte[41] }, "body for a 25-byte file key (CCTV hybrid_long_file_key)");
        yield return Case(s => s with { Body = ReadOnlyMemory<byte>.Empty }, "empty body");
        yield return Case(s => s with { Args = [LowOrderEnc(s)] }, "low-order X25519 share (CCTV hybrid_low_order)");

        static TestCaseData Case(Func<Stanza, Stanza> malform, string description) =>
            new TestCaseData(malform) { TestName = "Unwrap_MalformedStanza_ThrowsHeaderError(" + description + ")" };

        // 1,120 bytes end in a character carrying 2 bits; setting one of its 4 unused low bits keeps the value.
        static string NonCanonical(string base64)
        {
            const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            return base64[..^1] + alphabet[alphabet.IndexOf(base64[^1], StringComparison.Ordinal) | 1];
        }

        static string LowOrderEnc(Stanza s)
        {
            byte[] enc = Base64Canonical.Decode(s.Args[0])!;
            enc.AsSpan(MlKem768X25519.MlKemCiphertextSize).Clear();
            return Base64Canonical.Encode(enc);
        }
    }
}
