using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class Bech32Tests
{
    // BIP 173 valid test vectors (Bech32, not Bech32m).
    [TestCase("A12UEL5L")]
    [TestCase("a12uel5l")]
    [TestCase("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw")]
    [TestCase("split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w")]
    public void Decode_Bip173ValidVector_Succeeds(string s)
    {
        Assert.That(Bech32.Decode(s), Is.Not.Null);
    }

    [TestCase("A1G7SGD8", Description = "checksum computed with upper-case HRP")]
    [TestCase("a12UEL5L", Description = "mixed case")]
    [TestCase("10a06t8", Description = "empty HRP")]
    [TestCase("1qzzfhee", Description = "empty HRP")]
    [TestCase("x1b4n0q5v", Description = "invalid data character")]
    [TestCase("li1dgmt3", Description = "too short checksum")]
    public void Decode_Bip173InvalidVector_ReturnsNull(string s)
    {
        Assert.That(Bech32.Decode(s), Is.Null);
    }

    [Test]
    public void Encode_ThenDecode_RoundTrips()
    {
        byte[] data = Enumerable.Range(0, 1216).Select(i => unchecked((byte)i)).ToArray();

        string s = Bech32.Encode("age1pq", data);
        var decoded = Bech32.Decode(s);

        Assert.That(decoded, Is.Not.Null);
        Assert.That(decoded!.Value.Hrp, Is.EqualTo("age1pq"));
        Assert.That(decoded.Value.Data, Is.EqualTo(data));
    }

    [Test]
    public void Decode_UpperCaseSecretKey_ReturnsLowerCaseHrp()
    {
        string s = Bech32.Encode("age-secret-key-", new byte[32]).ToUpperInvariant();

        Assert.That(Bech32.Decode(s)!.Value.Hrp, Is.EqualTo("age-secret-key-"));
    }
}
