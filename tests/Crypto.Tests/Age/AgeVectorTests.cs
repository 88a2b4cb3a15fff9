using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>Runs every CCTV age vector through the public API, once per ChaCha20-Poly1305 backend.</summary>
public class AgeVectorTests
{
    private static readonly Dictionary<AgeErrorKind, string> ExpectNames = new()
    {
        [AgeErrorKind.Header] = "header failure",
        [AgeErrorKind.Hmac] = "HMAC failure",
        [AgeErrorKind.Payload] = "payload failure",
        [AgeErrorKind.Armor] = "armor failure",
        [AgeErrorKind.NoMatch] = "no match",
    };

    public static IEnumerable<TestCaseData> Vectors()
    {
        foreach (string name in AgeVector.Names())
        {
            yield return new TestCaseData(name, false).SetName($"Vector_{name}_Platform");
            yield return new TestCaseData(name, true).SetName($"Vector_{name}_BouncyCastle");
        }
    }

    [Test]
    public void Vectors_Directory_HoldsAllFiles()
    {
        Assert.That(AgeVector.Names().Count(), Is.EqualTo(143));
    }

    [TestCaseSource(nameof(Vectors))]
    public void Decrypt_Vector_MatchesExpectation(string name, bool bouncyCastle)
    {
        AgeVector vector = AgeVector.Load(name);
        var identities = new List<IIdentity>();
        identities.AddRange(vector.Values("identity").Select(AgeKeys.ParseIdentity));
        identities.AddRange(vector.Values("passphrase").Select(p => new ScryptIdentity(p)));
        if (identities.Count == 0)
        {
            // Vectors without keys are parse failures; any identity exercises the path.
            identities.Add(X25519Identity.Generate());
        }

        AgeEncryption.UseBouncyCastlePayloadCipher = bouncyCastle;
        var released = new MemoryStream();
        string outcome;
        try
        {
            outcome = Run(vector.Body, identities, released);
        }
        finally
        {
            AgeEncryption.UseBouncyCastlePayloadCipher = false;
            foreach (IDisposable d in identities.OfType<IDisposable>())
            {
                d.Dispose();
            }
        }

        Assert.That(outcome, Is.EqualTo(vector.Expect));
        if (vector.Payload is not null && outcome is "success" or "payload failure")
        {
            string hash = Convert.ToHexStringLower(SHA256.HashData(released.ToArray()));
            Assert.That(hash, Is.EqualTo(vector.Payload), "released plaintext");
        }
    }

    private static string Run(byte[] body, List<IIdentity> identities, MemoryStream released)
    {
        try
        {
            using Stream plaintext = AgeEncryption.Decrypt(new MemoryStream(body), identities);

            // Small reads so that every chunk is also released through the buffered path.
            byte[] buffer = new byte[10_000];
            int n;
            while ((n = plaintext.Read(buffer)) > 0)
            {
                released.Write(buffer, 0, n);
            }

            return "success";
        }
        catch (AgeException e)
        {
            return ExpectNames[e.Kind];
        }
    }
}
