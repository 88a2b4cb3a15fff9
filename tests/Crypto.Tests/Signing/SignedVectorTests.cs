using System.Text;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

/// <summary>
/// TestVectors/signed.json, which src/Portal/ClientApp/test/signed.test.js checks too (with @noble's key generation
/// and signing as the second implementation).
/// </summary>
public class SignedVectorTests
{
    private static readonly string SourcePath = Path.Combine(Repository.Root, "tests", "Crypto.Tests", "TestVectors", SignedVectors.FileName);

    private static JsonObject Root => JsonNode.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestVectors", SignedVectors.FileName)))!.AsObject();

    [Test]
    public void Build_Again_GivesTheCommittedFile()
    {
        Assert.That(File.ReadAllText(SourcePath), Is.EqualTo(SignedVectors.Build()), "regenerate: see SignedVectors");
    }

    [Test]
    public void Build_WriteWhenAsked_WritesSignedJson()
    {
        if (Environment.GetEnvironmentVariable("WHISTLE_WRITE_VECTORS") != "1")
        {
            Assert.Ignore("Set WHISTLE_WRITE_VECTORS=1 to rewrite signed.json.");
        }

        File.WriteAllText(SourcePath, SignedVectors.Build());
    }

    [Test]
    public void Keys_FromSeeds_GiveThePublishedKeysAndFingerprints()
    {
        foreach (JsonNode? k in Root["keys"]!.AsArray())
        {
            using var key = TeamSigningKey.FromSeeds(Convert.FromHexString((string)k!["ed25519Seed"]!), Convert.FromHexString((string)k["mlDsaSeed"]!));
            using var fromText = TeamSigningKey.FromSecretText((string)k["secretText"]!);

            Assert.That(key.PublicKey.Text, Is.EqualTo((string)k["publicKey"]!));
            Assert.That(fromText.PublicKey.Text, Is.EqualTo((string)k["publicKey"]!));
            Assert.That(key.SecretText, Is.EqualTo((string)k["secretText"]!));
            Assert.That(TeamPublicKey.Parse((string)k["publicKey"]!).Fingerprint, Is.EqualTo((string)k["fingerprint"]!));
            Assert.That(key.PublicKey.DisplayFingerprint, Is.EqualTo((string)k["displayFingerprint"]!));
        }
    }

    [Test]
    public void InvalidPublicKeys_AreRefused()
    {
        foreach (JsonNode? k in Root["invalidPublicKeys"]!.AsArray())
        {
            Assert.That(() => TeamPublicKey.Parse((string)k!["text"]!), Throws.InstanceOf<FormatException>(), (string)k!["name"]!);
        }
    }

    [Test]
    public void Valid_Open_GivesThePayload()
    {
        TeamPublicKey trusted = TrustedKey();
        foreach (JsonNode? v in Root["valid"]!.AsArray())
        {
            byte[] payload = SignedDocument.Open(Encoding.UTF8.GetBytes((string)v!["envelope"]!), trusted, (string)v["expectedType"]!);

            Assert.That(Encoding.UTF8.GetString(payload), Is.EqualTo((string)v["payloadText"]!), (string)v["name"]!);
        }
    }

    [Test]
    public void Valid_DeterministicSigning_ReproducesTheSignature()
    {
        JsonNode k = Root["keys"]![0]!;
        using var key = TeamSigningKey.FromSecretText((string)k["secretText"]!);
        foreach (JsonNode? v in Root["valid"]!.AsArray().Where(v => (bool)v!["deterministic"]!))
        {
            byte[] payload = Encoding.UTF8.GetBytes((string)v!["payloadText"]!);
            string type = (string)v["expectedType"]!;

            byte[] envelope = SignedDocument.Write(type, key.PublicKey.Fingerprint, payload, key.Sign(type, payload, deterministic: true));

            Assert.That(Encoding.UTF8.GetString(envelope), Is.EqualTo((string)v["envelope"]!), (string)v["name"]!);
        }
    }

    [Test]
    public void Invalid_Open_IsRefusedWithTheExpectedReason()
    {
        TeamPublicKey trusted = TrustedKey();
        JsonArray cases = Root["invalid"]!.AsArray();
        Assert.That(cases, Has.Count.GreaterThan(30));
        Assert.Multiple(() =>
        {
            foreach (JsonNode? c in cases)
            {
                byte[] envelope = c!["envelopeHex"] is { } hex ? Convert.FromHexString((string)hex!) : Encoding.UTF8.GetBytes((string)c["envelope"]!);
                string name = (string)c["name"]!;

                var error = Assert.Throws<SignatureException>(() => SignedDocument.Open(envelope, trusted, (string)c["expectedType"]!), name);

                Assert.That(error!.ReasonId, Is.EqualTo((string)c["reason"]!), name);
                Assert.That(error.KeyFingerprint, Is.EqualTo((string?)c["keyFingerprint"]), name);
            }
        });
    }

    [Test]
    public void MaxBytes_IsTheLimit()
    {
        Assert.That((int)Root["maxBytes"]!, Is.EqualTo(SignedDocument.MaxBytes));
    }

    private static TeamPublicKey TrustedKey() => TeamPublicKey.Parse((string)Root["keys"]![0]!["publicKey"]!);
}
