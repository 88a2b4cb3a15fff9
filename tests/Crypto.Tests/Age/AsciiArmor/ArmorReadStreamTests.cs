using System.Text;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age.AsciiArmor;

/// <summary>Armor cases beyond the CCTV vectors: CRLF round trip and the whitespace bounds.</summary>
public class ArmorReadStreamTests
{
    private X25519Identity identity = null!;
    private string armored = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        identity = X25519Identity.Generate();
        armored = Encoding.ASCII.GetString(AgeEncryption.Encrypt(new byte[5000], [identity.Recipient], armor: true));
    }

    [OneTimeTearDown]
    public void TearDown() => identity.Dispose();

    [Test]
    public void Decrypt_CrlfLineEndings_Succeeds()
    {
        byte[] crlf = Encoding.ASCII.GetBytes(armored.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.That(AgeEncryption.Decrypt(crlf, [identity]), Is.EqualTo(new byte[5000]));
    }

    [Test]
    public void Decrypt_BoundedOuterWhitespace_Succeeds()
    {
        byte[] padded = Encoding.ASCII.GetBytes(new string('\n', 500) + armored + new string(' ', 500));

        Assert.That(AgeEncryption.Decrypt(padded, [identity]), Is.EqualTo(new byte[5000]));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Decrypt_ExcessiveOuterWhitespace_ThrowsArmor(bool leading)
    {
        string whitespace = new('\n', 2000);
        byte[] padded = Encoding.ASCII.GetBytes(leading ? whitespace + armored : armored + whitespace);

        var e = Assert.Throws<AgeException>(() => AgeEncryption.Decrypt(padded, [identity]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.Armor));
    }

    [Test]
    public void Decrypt_VeryLongLine_ThrowsArmorWithoutReadingItAll()
    {
        byte[] input = Encoding.ASCII.GetBytes("-----BEGIN AGE ENCRYPTED FILE-----\n" + new string('A', 1_000_000));

        var e = Assert.Throws<AgeException>(() => AgeEncryption.Decrypt(input, [identity]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.Armor));
    }
}
