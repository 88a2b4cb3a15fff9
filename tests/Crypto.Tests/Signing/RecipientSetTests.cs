using System.Text;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

/// <summary>The recipient-set payload (protocol v2 section 3): exact bytes written, strict parsing, and its signing.</summary>
public class RecipientSetTests
{
    private static readonly string A = NewRecipient();
    private static readonly string B = NewRecipient();

    [Test]
    public void Open_SignedVectorsRecipientSet_GivesItsRecipients_AndWritesTheSamePayload()
    {
        // The recipient-set envelope of TestVectors/signed.json (key "a"), which recipient-set.test.js checks in JavaScript too.
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestVectors", SignedVectors.FileName)))!;
        var vector = root["valid"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == RecipientSet.Type)!;
        var key = TeamPublicKey.Parse(root["keys"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "a")!["publicKey"]!.GetValue<string>());

        var set = RecipientSet.Open(Encoding.UTF8.GetBytes(vector["envelope"]!.GetValue<string>()), key);

        Assert.That(set.Recipients, Is.Not.Empty);
        Assert.That(Encoding.UTF8.GetString(set.ToPayload()), Is.EqualTo(vector["payloadText"]!.GetValue<string>()));
    }

    [Test]
    public void ToPayload_IsCompactJsonInTheSignedOrder()
    {
        var set = RecipientSet.Create([A, B], new DateOnly(2026, 12, 7));

        Assert.That(Encoding.ASCII.GetString(set.ToPayload()), Is.EqualTo($"{{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[\"{A}\",\"{B}\"]}}"));
        Assert.That(RecipientSet.ParsePayload(set.ToPayload()).Recipients, Is.EqualTo(new[] { A, B }));
    }

    [Test]
    public void SignAndOpen_SameKey_GivesTheSet_OtherKeyOrTamperedPayload_Refused()
    {
        using var key = TeamSigningKey.Generate();
        using var other = TeamSigningKey.Generate();
        byte[] envelope = RecipientSet.Create([A], new DateOnly(2026, 12, 7)).Sign(key);
        byte[] tampered = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(envelope).Replace(
            Base64UrlCanonical.Encode(RecipientSet.Create([A], new DateOnly(2026, 12, 7)).ToPayload()),
            Base64UrlCanonical.Encode(RecipientSet.Create([A, B], new DateOnly(2026, 12, 7)).ToPayload()),
            StringComparison.Ordinal));

        Assert.That(RecipientSet.Open(envelope, key.PublicKey).Recipients, Is.EqualTo(new[] { A }));
        Assert.That(() => RecipientSet.Open(envelope, other.PublicKey),
            Throws.InstanceOf<SignatureException>().With.Property(nameof(SignatureException.Reason)).EqualTo(SignatureFailure.OtherKey));
        Assert.That(() => RecipientSet.Open(tampered, key.PublicKey),
            Throws.InstanceOf<SignatureException>().With.Property(nameof(SignatureException.Reason)).EqualTo(SignatureFailure.BadSignature));
    }

    [Test]
    public void Open_ValidSignatureOverAnInvalidPayload_IsAFormatError()
    {
        using var key = TeamSigningKey.Generate();
        byte[] envelope = SignedDocument.Create(key, RecipientSet.Type, Encoding.ASCII.GetBytes("{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[]}"));

        Assert.That(() => RecipientSet.Open(envelope, key.PublicKey), Throws.InstanceOf<FormatException>());
    }

    private static IEnumerable<TestCaseData> BadPayloads()
    {
        string a = A;
        yield return new TestCaseData("{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[]}").SetName("no recipient");
        yield return new TestCaseData($"{{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[\"{a}\",\"{a}\"]}}").SetName("repeated");
        yield return new TestCaseData($"{{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[\"{a.ToUpperInvariant()}\"]}}").SetName("upper case");
        yield return new TestCaseData("{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[\"age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\"]}").SetName("X25519");
        yield return new TestCaseData($"{{\"v\":1,\"issued\":\"2026-12-07\",\"recipients\":[\"{a}\"]}}").SetName("version 1");
        yield return new TestCaseData($"{{\"v\":2,\"issued\":\"2026-13-07\",\"recipients\":[\"{a}\"]}}").SetName("bad day");
        yield return new TestCaseData($"{{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[\"{a}\"],\"extra\":1}}").SetName("unknown field");
        yield return new TestCaseData($"{{\"v\":2,\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[\"{a}\"]}}").SetName("duplicate field");
        yield return new TestCaseData($"{{\"issued\":\"2026-12-07\",\"recipients\":[\"{a}\"]}}").SetName("no version");
        yield return new TestCaseData("\uFEFF{}").SetName("BOM");
        string many = string.Join(',', Enumerable.Range(0, 65).Select(_ => $"\"{NewRecipient()}\""));
        yield return new TestCaseData($"{{\"v\":2,\"issued\":\"2026-12-07\",\"recipients\":[{many}]}}").SetName("65 recipients");
    }

    [TestCaseSource(nameof(BadPayloads))]
    public void ParsePayload_Invalid_Refused(string payload)
    {
        Assert.That(() => RecipientSet.ParsePayload(Encoding.UTF8.GetBytes(payload)), Throws.InstanceOf<FormatException>());
    }

    private static string NewRecipient()
    {
        using var identity = MlKem768X25519Identity.Generate();
        return identity.Recipient.ToString();
    }
}
