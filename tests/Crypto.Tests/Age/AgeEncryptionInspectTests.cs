using System.Text;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class AgeEncryptionInspectTests
{
    private const string Mac = "--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n";

    [Test]
    public void Inspect_TwoX25519Recipients_ReportsVersionTypesAndLength()
    {
        using var a = X25519Identity.Generate();
        using var b = X25519Identity.Generate();
        byte[] file = AgeEncryption.Encrypt("hello"u8, [a.Recipient, b.Recipient]);

        AgeHeaderInfo header = AgeEncryption.Inspect(new MemoryStream(file));

        Assert.That(header.Version, Is.EqualTo("age-encryption.org/v1"));
        Assert.That(header.StanzaTypes, Is.EqualTo(new[] { X25519Recipient.StanzaType, X25519Recipient.StanzaType }));
        Assert.That(header.StanzaCount, Is.EqualTo(2));
        Assert.That(header.HeaderLength, Is.EqualTo(HeaderEnd(file)));
    }

    [Test]
    public void Inspect_PostQuantumRecipient_ReportsItsType()
    {
        using var identity = MlKem768X25519Identity.Generate();
        byte[] file = AgeEncryption.Encrypt(new byte[100_000], [identity.Recipient]);

        AgeHeaderInfo header = AgeEncryption.Inspect(new MemoryStream(file));

        Assert.That(header.StanzaTypes, Is.EqualTo(new[] { MlKem768X25519Recipient.StanzaType }));
        Assert.That(header.HeaderLength, Is.EqualTo(HeaderEnd(file)));
    }

    [Test]
    public void Inspect_Passphrase_ReportsScrypt()
    {
        using var recipient = new ScryptRecipient("correct horse", workFactor: 2);
        byte[] file = AgeEncryption.Encrypt([], [recipient]);

        Assert.That(AgeEncryption.Inspect(new MemoryStream(file)).StanzaTypes, Is.EqualTo(new[] { ScryptRecipient.StanzaType }));
    }

    [Test]
    public void Inspect_TrickledUnseekableInput_ReadsTheSameHeader()
    {
        using var identity = X25519Identity.Generate();
        byte[] file = AgeEncryption.Encrypt(new byte[10_000], [identity.Recipient]);

        AgeHeaderInfo header = AgeEncryption.Inspect(new TrickleStream(file, maxRead: 3));

        Assert.That(header.StanzaTypes, Is.EqualTo(new[] { X25519Recipient.StanzaType }));
        Assert.That(header.HeaderLength, Is.EqualTo(HeaderEnd(file)));
    }

    [Test]
    public void Inspect_OtherStanzaTypes_AreReportedAsWritten()
    {
        string text = "age-encryption.org/v1\n-> some-plugin a b\nAAAA\n-> X25519 abc\n\n" + Mac + "payload";

        AgeHeaderInfo header = AgeEncryption.Inspect(new MemoryStream(Encoding.ASCII.GetBytes(text)));

        Assert.That(header.StanzaTypes, Is.EqualTo(new[] { "some-plugin", "X25519" }));
        Assert.That(header.HeaderLength, Is.EqualTo(text.IndexOf("payload", StringComparison.Ordinal)));
    }

    [Test]
    public void Inspect_HeaderOnly_IsAccepted()
    {
        // The payload is not looked at: a gate needs only the header, and decryption checks the rest.
        byte[] file = Encoding.ASCII.GetBytes("age-encryption.org/v1\n-> X25519 abc\nAAAA\n" + Mac);

        Assert.That(AgeEncryption.Inspect(new MemoryStream(file)).HeaderLength, Is.EqualTo(file.Length));
    }

    public static IEnumerable<TestCaseData> Malformed()
    {
        TestCaseData Case(string name, string text) => new TestCaseData(Encoding.ASCII.GetBytes(text)).SetName("Inspect_" + name + "_ThrowsHeader");

        yield return Case("Empty", "");
        yield return Case("Plaintext", "hello, this is not an age file");
        yield return Case("OtherVersion", "age-encryption.org/v2\n-> X25519 abc\nAAAA\n" + Mac);
        yield return Case("NoStanzas", "age-encryption.org/v1\n" + Mac);
        yield return Case("NoMacLine", "age-encryption.org/v1\n-> X25519 abc\nAAAA\n");
        yield return Case("ShortMac", "age-encryption.org/v1\n-> X25519 abc\nAAAA\n--- AAAA\n");
        yield return Case("BodyLineTooLong", "age-encryption.org/v1\n-> X25519 abc\n" + new string('A', 68) + "\n" + Mac);
        yield return Case("BodyNotCanonical", "age-encryption.org/v1\n-> X25519 abc\nAAB\n" + Mac);
        yield return Case("EmptyArgument", "age-encryption.org/v1\n-> X25519  abc\nAAAA\n" + Mac);
        yield return Case("CarriageReturn", "age-encryption.org/v1\r\n-> X25519 abc\nAAAA\n" + Mac);
        yield return Case("Armored", "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n");
        yield return Case("OverHeaderLimit", "age-encryption.org/v1\n" + string.Concat(Enumerable.Repeat("-> X25519 abc\n" + new string('A', 64) + "\n\n", 2000)) + Mac);
    }

    [TestCaseSource(nameof(Malformed))]
    public void Inspect_Malformed_ThrowsHeader(byte[] file)
    {
        Assert.That(() => AgeEncryption.Inspect(new MemoryStream(file)), Throws.TypeOf<AgeException>().With.Property(nameof(AgeException.Kind)).EqualTo(AgeErrorKind.Header));
    }

    public static IEnumerable<TestCaseData> WellFormedVectors() =>
        AgeVector.Names().Select(AgeVector.Load)
            .Where(v => v.Expect is "success" or "HMAC failure" or "payload failure" or "no match" && !v.Values("armored").Contains("yes"))
            .Select(v => new TestCaseData(v.Name).SetName($"Inspect_Vector_{v.Name}_MatchesItsHeader"));

    [TestCaseSource(nameof(WellFormedVectors))]
    public void Inspect_Vector_MatchesItsHeader(string name)
    {
        byte[] file = AgeVector.Load(name).Body;

        AgeHeaderInfo header = AgeEncryption.Inspect(new MemoryStream(file));

        string text = Encoding.Latin1.GetString(file, 0, header.HeaderLength);
        string[] types = [.. text.Split('\n').Where(l => l.StartsWith("-> ", StringComparison.Ordinal)).Select(l => l.Split(' ')[1])];
        Assert.That(header.StanzaTypes, Is.EqualTo(types));
        Assert.That(text, Does.StartWith("age-encryption.org/v1\n").And.EndWith("\n"));
        Assert.That(text.Split('\n')[^2], Does.StartWith("--- "));
    }

    [Test]
    public void Inspect_Null_Throws()
    {
        Assert.That(() => AgeEncryption.Inspect(null!), Throws.ArgumentNullException);
    }

    private static int HeaderEnd(byte[] file) => Encoding.Latin1.GetString(file).IndexOf("\n--- ", StringComparison.Ordinal) + 1 + 4 + 43 + 1;
}
