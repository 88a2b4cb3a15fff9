using System.Text;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

public class SignedDocumentTests
{
    private static readonly TeamSigningKey Key = TeamSigningKey.Generate();
    private static readonly TeamSigningKey OtherKey = TeamSigningKey.Generate();

    private static readonly byte[] Payload = "{\"v\":2,\"text\":\"hi\"}"u8.ToArray();

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        Key.Dispose();
        OtherKey.Dispose();
    }

    [Test]
    public void Open_OfCreate_ReturnsThePayload()
    {
        byte[] envelope = SignedDocument.Create(Key, "reply", Payload);

        byte[] payload = SignedDocument.Open(envelope, Key.PublicKey, "reply");

        Assert.That(payload, Is.EqualTo(Payload));
    }

    [Test]
    public void Create_WritesTheFiveFields()
    {
        JsonObject json = JsonNode.Parse(SignedDocument.Create(Key, "recipient-set", Payload))!.AsObject();

        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "v", "type", "key", "payload", "sig" }));
        Assert.That((int)json["v"]!, Is.EqualTo(2));
        Assert.That((string)json["key"]!, Is.EqualTo(Key.PublicKey.Fingerprint));
    }

    [Test]
    public void Open_EmptyPayload_RoundTrips()
    {
        byte[] envelope = SignedDocument.Create(Key, "reply", []);

        Assert.That(SignedDocument.Open(envelope, Key.PublicKey, "reply"), Is.Empty);
    }

    [Test]
    public void Open_WrongType_IsRefusedAsWrongType()
    {
        byte[] envelope = SignedDocument.Create(Key, "reply", Payload);

        AssertRefused(envelope, "recipient-set", SignatureFailure.WrongType);
    }

    [Test]
    public void Open_TypeRewrittenInTheEnvelope_IsRefusedAsBadSignature()
    {
        // A portal relabelling a reply as a recipient set: the type is inside the signed input.
        byte[] envelope = Rewrite(SignedDocument.Create(Key, "reply", Payload), "type", "recipient-set");

        AssertRefused(envelope, "recipient-set", SignatureFailure.BadSignature);
    }

    [Test]
    public void Open_SignedByAnotherKey_IsRefusedNamingThatKey()
    {
        byte[] envelope = SignedDocument.Create(OtherKey, "reply", Payload);

        var error = Assert.Throws<SignatureException>(() => SignedDocument.Open(envelope, Key.PublicKey, "reply"))!;

        Assert.That(error.Reason, Is.EqualTo(SignatureFailure.OtherKey));
        Assert.That(error.KeyFingerprint, Is.EqualTo(OtherKey.PublicKey.Fingerprint));
        Assert.That(error.Message, Does.Contain(OtherKey.PublicKey.DisplayFingerprint));
    }

    [Test]
    public void Open_OtherKeysSignatureUnderOurFingerprint_IsRefusedAsBadSignature()
    {
        byte[] envelope = Rewrite(SignedDocument.Create(OtherKey, "reply", Payload), "key", Key.PublicKey.Fingerprint);

        AssertRefused(envelope, "reply", SignatureFailure.BadSignature);
    }

    [TestCase(0, Description = "Ed25519 half")]
    [TestCase(63, Description = "Ed25519 half, last byte")]
    [TestCase(64, Description = "ML-DSA-65 half")]
    [TestCase(3372, Description = "ML-DSA-65 half, last byte")]
    public void Open_FlippedSignatureBit_IsRefusedAsBadSignature(int index)
    {
        byte[] signature = Key.Sign("reply", Payload);
        signature[index] ^= 0x01;
        byte[] envelope = SignedDocument.Write("reply", Key.PublicKey.Fingerprint, Payload, signature);

        AssertRefused(envelope, "reply", SignatureFailure.BadSignature);
    }

    [Test]
    public void Open_FlippedPayloadBit_IsRefusedAsBadSignature()
    {
        byte[] signature = Key.Sign("reply", Payload);
        byte[] payload = (byte[])Payload.Clone();
        payload[5] ^= 0x01;

        AssertRefused(SignedDocument.Write("reply", Key.PublicKey.Fingerprint, payload, signature), "reply", SignatureFailure.BadSignature);
    }

    [Test]
    public void Open_OnlyEd25519Valid_IsRefused()
    {
        // Ed25519 of our key with the ML-DSA-65 half of another key's signature of the same input.
        byte[] ours = Key.Sign("reply", Payload);
        byte[] theirs = OtherKey.Sign("reply", Payload);
        byte[] mixed = [.. ours.AsSpan(0, 64), .. theirs.AsSpan(64)];

        AssertRefused(SignedDocument.Write("reply", Key.PublicKey.Fingerprint, Payload, mixed), "reply", SignatureFailure.BadSignature);
    }

    [Test]
    public void Open_OnlyMlDsaValid_IsRefused()
    {
        byte[] ours = Key.Sign("reply", Payload);
        byte[] theirs = OtherKey.Sign("reply", Payload);
        byte[] mixed = [.. theirs.AsSpan(0, 64), .. ours.AsSpan(64)];

        AssertRefused(SignedDocument.Write("reply", Key.PublicKey.Fingerprint, Payload, mixed), "reply", SignatureFailure.BadSignature);
    }

    private static readonly string Valid = Encoding.ASCII.GetString(SignedDocument.Create(Key, "reply", Payload));

    private static IEnumerable<TestCaseData> Malformed()
    {
        JsonObject o = JsonNode.Parse(Valid)!.AsObject();
        string type = (string)o["type"]!, key = (string)o["key"]!, payload = (string)o["payload"]!, sig = (string)o["sig"]!;
        string Env(string v = "2", string? t = null, string? k = null, string? p = null, string? s = null, string extra = "") =>
            $"{{\"v\":{v},\"type\":\"{t ?? type}\",\"key\":\"{k ?? key}\",\"payload\":\"{p ?? payload}\",\"sig\":\"{s ?? sig}\"{extra}}}";

        yield return new TestCaseData("").SetName("Open_Empty_IsNotAnEnvelope");
        yield return new TestCaseData("[]").SetName("Open_Array_IsNotAnEnvelope");
        yield return new TestCaseData(Valid[..^1]).SetName("Open_Truncated_IsNotAnEnvelope");
        yield return new TestCaseData(Valid + "{}").SetName("Open_TrailingValue_IsNotAnEnvelope");
        yield return new TestCaseData("\uFEFF" + Valid).SetName("Open_Bom_IsNotAnEnvelope");
        yield return new TestCaseData(Env(extra: ",\"x\":1")).SetName("Open_UnknownProperty_IsNotAnEnvelope");
        yield return new TestCaseData(Env(extra: ",\"type\":\"reply\"")).SetName("Open_DuplicateProperty_IsNotAnEnvelope");
        yield return new TestCaseData(Env(extra: ",\"v\":2")).SetName("Open_DuplicateVersion_IsNotAnEnvelope");
        yield return new TestCaseData(Valid.Replace(",\"sig\":\"" + sig + "\"", "", StringComparison.Ordinal)).SetName("Open_MissingSig_IsNotAnEnvelope");
        yield return new TestCaseData(Env(v: "1")).SetName("Open_Version1_IsNotAnEnvelope");
        yield return new TestCaseData(Env(v: "2.0")).SetName("Open_Version2Point0_IsNotAnEnvelope");
        yield return new TestCaseData(Env(v: "\"2\"")).SetName("Open_VersionString_IsNotAnEnvelope");
        yield return new TestCaseData(Env(t: "Reply")).SetName("Open_UpperCaseType_IsNotAnEnvelope");
        yield return new TestCaseData(Env(t: "rep\\u006cy")).SetName("Open_EscapedType_IsNotAnEnvelope");
        yield return new TestCaseData(Env(k: key.ToUpperInvariant())).SetName("Open_UpperCaseKey_IsNotAnEnvelope");
        yield return new TestCaseData(Env(k: key[..^1])).SetName("Open_ShortKey_IsNotAnEnvelope");
        yield return new TestCaseData(Env(p: payload + "=")).SetName("Open_PaddedPayload_IsNotAnEnvelope");
        yield return new TestCaseData(Env(p: payload.Replace('_', '/').Replace('-', '+') + "+/")).SetName("Open_StandardAlphabetPayload_IsNotAnEnvelope");
        yield return new TestCaseData(Env(s: sig + "==")).SetName("Open_PaddedSig_IsNotAnEnvelope");
        yield return new TestCaseData(Env(s: sig[..^4])).SetName("Open_ShortSig_IsNotAnEnvelope");
        yield return new TestCaseData(Env(s: sig[..^1] + NonCanonical(sig[^1]))).SetName("Open_NonCanonicalSig_IsNotAnEnvelope");
        yield return new TestCaseData(Env(s: sig[..100] + " " + sig[100..])).SetName("Open_SpaceInSig_IsNotAnEnvelope");
        yield return new TestCaseData(Valid.Replace("{", "{/*c*/", StringComparison.Ordinal)).SetName("Open_Comment_IsNotAnEnvelope");
        yield return new TestCaseData(Valid.Replace("}", ",}", StringComparison.Ordinal)).SetName("Open_TrailingComma_IsNotAnEnvelope");
    }

    [TestCaseSource(nameof(Malformed))]
    public void Open_Malformed_IsNotAnEnvelope(string envelope)
    {
        AssertRefused(Encoding.UTF8.GetBytes(envelope), "reply", SignatureFailure.NotAnEnvelope);
    }

    [Test]
    public void Open_WhitespaceAndOtherOrder_IsAccepted()
    {
        JsonObject o = JsonNode.Parse(Valid)!.AsObject();
        string reordered = $"{{ \"sig\" : \"{o["sig"]}\",\n\t\"payload\":\"{o["payload"]}\", \"key\":\"{o["key"]}\", \"type\":\"reply\", \"v\":2 }}\n";

        Assert.That(SignedDocument.Open(Encoding.UTF8.GetBytes(reordered), Key.PublicKey, "reply"), Is.EqualTo(Payload));
    }

    [Test]
    public void Open_InvalidUtf8_IsNotAnEnvelope()
    {
        byte[] envelope = [.. Encoding.ASCII.GetBytes(Valid[..^1]), .. ",\"x\":\""u8, 0xff, .. "\"}"u8];

        AssertRefused(envelope, "reply", SignatureFailure.NotAnEnvelope);
    }

    [Test]
    public void Open_Oversize_IsRefusedBeforeParsing()
    {
        // One byte over the limit, made of spaces after a valid envelope: well-formed JSON, refused by size alone.
        byte[] envelope = new byte[SignedDocument.MaxBytes + 1];
        Array.Fill(envelope, (byte)' ');
        Encoding.ASCII.GetBytes(Valid).CopyTo(envelope, 0);

        AssertRefused(envelope, "reply", SignatureFailure.NotAnEnvelope);
        Assert.That(SignedDocument.Open(envelope.AsSpan(0, SignedDocument.MaxBytes), Key.PublicKey, "reply"), Is.EqualTo(Payload));
    }

    [Test]
    public void Open_InvalidExpectedType_IsAProgrammingError()
    {
        Assert.That(() => SignedDocument.Open(Encoding.ASCII.GetBytes(Valid), Key.PublicKey, "Reply"), Throws.ArgumentException);
    }

    private static void AssertRefused(byte[] envelope, string expectedType, SignatureFailure reason)
    {
        var error = Assert.Throws<SignatureException>(() => SignedDocument.Open(envelope, Key.PublicKey, expectedType))!;
        Assert.That(error.Reason, Is.EqualTo(reason));
    }

    private static byte[] Rewrite(byte[] envelope, string field, string value)
    {
        JsonObject json = JsonNode.Parse(envelope)!.AsObject();
        json[field] = value;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static char NonCanonical(char c)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return Alphabet[Alphabet.IndexOf(c, StringComparison.Ordinal) | 1];
    }
}
