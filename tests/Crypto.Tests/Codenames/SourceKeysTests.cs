using System.Text.Json;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Codenames;

namespace WhistleSubmit.Crypto.Tests.Codenames;

public class SourceKeysTests
{
    private const string Codename1 = "abacus abdomen abdominal abide abiding ability ablaze able";

    // TestVectors/codenames.json: seed, token, id and reply seed computed with python3's hashlib.scrypt and an
    // RFC 5869 HKDF over hmac (independent of this code); the reply recipient with this code. The browser tests
    // (src/Portal/ClientApp) check the same file.
    public static IEnumerable<TestCaseData> Vectors()
    {
        string path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestVectors", "codenames.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (JsonElement v in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            yield return new TestCaseData(
                v.GetProperty("input").GetString(),
                v.GetProperty("codename").GetString(),
                v.GetProperty("seed").GetString(),
                v.GetProperty("mailboxToken").GetString(),
                v.GetProperty("mailboxId").GetString(),
                v.GetProperty("replySeed").GetString(),
                v.GetProperty("replyRecipient").GetString(),
                v.GetProperty("caseKey").GetString(),
                v.GetProperty("caseProof").GetString());
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Derive_KnownAnswerVector_Matches(string input, string codename, string seed, string token, string mailboxId, string replySeed, string replyRecipient,
        string caseKey, string caseProof)
    {
        using SourceKeys keys = SourceKeys.Derive(input);
        using var expectedIdentity = MlKem768X25519Identity.FromSeed(Convert.FromHexString(replySeed));

        Assert.Multiple(() =>
        {
            Assert.That(Codename.Normalize(input), Is.EqualTo(codename));
            Assert.That(Convert.ToHexStringLower(keys.Seed), Is.EqualTo(seed));
            Assert.That(Convert.ToHexStringLower(keys.MailboxToken), Is.EqualTo(token));
            Assert.That(keys.MailboxId, Is.EqualTo(mailboxId));
            Assert.That(keys.ReplyRecipient.ToString(), Is.EqualTo(replyRecipient));
            Assert.That(expectedIdentity.Recipient.ToString(), Is.EqualTo(replyRecipient));
            Assert.That(Convert.ToHexStringLower(keys.CaseKey), Is.EqualTo(caseKey));
            Assert.That(SourceKeys.CaseProofFromKey(keys.CaseKey), Is.EqualTo(caseProof));
        });
    }

    [Test]
    public void Derive_ReplyIdentity_DecryptsWhatItsRecipientSealed()
    {
        using SourceKeys keys = SourceKeys.Derive(Codename1);
        using FileKey fileKey = FileKey.Generate();

        IReadOnlyList<Stanza> stanzas = keys.ReplyRecipient.Wrap(fileKey);
        using FileKey? unwrapped = keys.ReplyIdentity.Unwrap(stanzas);

        Assert.That(unwrapped, Is.Not.Null);
        Assert.That(unwrapped!.Span.ToArray(), Is.EqualTo(fileKey.Span.ToArray()));
    }

    [Test]
    public void MailboxIdFromToken_DerivedToken_MatchesMailboxId()
    {
        using SourceKeys keys = SourceKeys.Derive(Codename1);

        Assert.That(SourceKeys.MailboxIdFromToken(keys.MailboxToken), Is.EqualTo(keys.MailboxId));
    }

    [TestCase(0)]
    [TestCase(31)]
    [TestCase(33)]
    public void MailboxIdFromToken_WrongLength_ThrowsArgument(int length)
    {
        Assert.That(() => SourceKeys.MailboxIdFromToken(new byte[length]), Throws.ArgumentException);
    }

    [Test]
    public void Derive_InvalidCodename_ThrowsFormatException()
    {
        Assert.That(() => SourceKeys.Derive("not a codename"), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Derive_Null_ThrowsArgumentNull()
    {
        Assert.That(() => SourceKeys.Derive(null!), Throws.ArgumentNullException);
    }

    [Test]
    public void Dispose_Then_SecretsAreUnavailableAndToStringIsSafe()
    {
        SourceKeys keys = SourceKeys.Derive(Codename1);
        keys.Dispose();
        keys.Dispose();

        Assert.That(() => keys.MailboxToken.Length, Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => keys.ReplyIdentity, Throws.TypeOf<ObjectDisposedException>());
        Assert.That(() => keys.ReplyRecipient, Throws.TypeOf<ObjectDisposedException>());
        Assert.That(keys.ToString(), Is.EqualTo("SourceKeys"));
    }
}
