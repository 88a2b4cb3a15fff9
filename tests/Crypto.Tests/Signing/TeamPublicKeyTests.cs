using System.Security.Cryptography;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.Crypto.Tests.Signing;

public class TeamPublicKeyTests
{
    [Test]
    public void Parse_OfText_RoundTrips()
    {
        using var key = TeamSigningKey.Generate();

        TeamPublicKey parsed = TeamPublicKey.Parse(key.PublicKey.Text);

        Assert.That(parsed, Is.EqualTo(key.PublicKey));
        Assert.That(parsed.Text, Does.StartWith(TeamPublicKey.Prefix));
        Assert.That(parsed.Bytes, Has.Length.EqualTo(1984));
    }

    [Test]
    public void Fingerprint_IsFirst32HexOfSha256OfTheKeyBytes()
    {
        using var key = TeamSigningKey.Generate();

        string expected = Convert.ToHexStringLower(SHA256.HashData(key.PublicKey.Bytes))[..32];

        Assert.That(key.PublicKey.Fingerprint, Is.EqualTo(expected));
        Assert.That(key.PublicKey.DisplayFingerprint.Replace(" ", "", StringComparison.Ordinal), Is.EqualTo(expected));
        Assert.That(key.PublicKey.DisplayFingerprint.Split(' '), Has.Length.EqualTo(8));
    }

    [Test]
    public void Parse_Malformed_ThrowsFormatException()
    {
        using var key = TeamSigningKey.Generate();
        string text = key.PublicKey.Text;

        Assert.Multiple(() =>
        {
            Assert.That(() => TeamPublicKey.Parse(""), Throws.InstanceOf<FormatException>());
            Assert.That(() => TeamPublicKey.Parse(text.ToUpperInvariant()), Throws.InstanceOf<FormatException>());
            Assert.That(() => TeamPublicKey.Parse(text + "A"), Throws.InstanceOf<FormatException>());
            Assert.That(() => TeamPublicKey.Parse(text[..^1]), Throws.InstanceOf<FormatException>());
            Assert.That(() => TeamPublicKey.Parse(text + "=="), Throws.InstanceOf<FormatException>());
            Assert.That(() => TeamPublicKey.Parse(" " + text), Throws.InstanceOf<FormatException>());
            Assert.That(() => TeamPublicKey.Parse("whistlesubmit-team-v1:" + text[22..]), Throws.InstanceOf<FormatException>());
            Assert.That(() => TeamPublicKey.Parse(text[..^1] + NonCanonicalLast(text[^1])), Throws.InstanceOf<FormatException>());
        });
    }

    [Test]
    public void Verify_TamperedSignatureOrMessage_IsFalse()
    {
        using var key = TeamSigningKey.Generate();
        byte[] signature = key.Sign("reply", "hello"u8);

        byte[] edFlipped = (byte[])signature.Clone();
        edFlipped[10] ^= 1;
        byte[] mlFlipped = (byte[])signature.Clone();
        mlFlipped[2000] ^= 1;

        Assert.Multiple(() =>
        {
            Assert.That(key.PublicKey.Verify("reply", "hello"u8, edFlipped), Is.False);
            Assert.That(key.PublicKey.Verify("reply", "hello"u8, mlFlipped), Is.False);
            Assert.That(key.PublicKey.Verify("reply", "hellp"u8, signature), Is.False);
            Assert.That(key.PublicKey.Verify("recipient-set", "hello"u8, signature), Is.False);
            Assert.That(key.PublicKey.Verify("reply", "hello"u8, signature[..^1]), Is.False);
        });
    }

    [Test]
    public void Verify_TypeAndPayloadBoundary_IsFixedByTheZeroByte()
    {
        // "a" + 0 + "b0c" must not verify as "a-b" etc.: the type is followed by 0x00, which no type contains.
        using var key = TeamSigningKey.Generate();
        byte[] signature = key.Sign("ab", "c"u8);

        Assert.That(key.PublicKey.Verify("a", "b\0c"u8, signature), Is.False);
    }

    // The last character of a 1,984-byte encoding carries 4 unused bits: setting one gives the same bytes, non-canonically.
    private static char NonCanonicalLast(char c)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return Alphabet[Alphabet.IndexOf(c, StringComparison.Ordinal) | 1];
    }
}
