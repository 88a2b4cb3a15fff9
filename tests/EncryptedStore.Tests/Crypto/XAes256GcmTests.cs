using System.Security.Cryptography;
using System.Text;
using WhistleSubmit.EncryptedStore.Crypto;

namespace WhistleSubmit.EncryptedStore.Tests.Crypto;

// Vectors from C2SP XAES-256-GCM, section "Test vectors" (https://c2sp.org/XAES-256-GCM).
public sealed class XAes256GcmTests
{
    [TestCase(
        "0101010101010101010101010101010101010101010101010101010101010101", "",
        "ce546ef63c9cc60765923609b33a9a1974e96e52daf2fcf7075e2271",
        Description = "MSB1(L) = 0, no associated data")]
    [TestCase(
        "0303030303030303030303030303030303030303030303030303030303030303", "c2sp.org/XAES-256-GCM",
        "986ec1832593df5443a179437fd083bf3fdb41abd740a21f71eb769d",
        Description = "MSB1(L) = 1, with associated data")]
    public void Encrypt_SpecVector_MatchesCiphertext(string keyHex, string aad, string expectedHex)
    {
        // Arrange
        using var aead = new XAes256Gcm(Convert.FromHexString(keyHex));
        var nonce = "ABCDEFGHIJKLMNOPQRSTUVWX"u8;
        var plaintext = "XAES-256-GCM"u8;
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];

        // Act
        aead.Encrypt(nonce, plaintext, ciphertext, tag, Encoding.ASCII.GetBytes(aad));

        // Assert
        Assert.That(Convert.ToHexStringLower([.. ciphertext, .. tag]), Is.EqualTo(expectedHex));
    }

    [Test]
    public void TryDecrypt_SpecVector_ReturnsPlaintext()
    {
        // Arrange
        using var aead = new XAes256Gcm(Convert.FromHexString(
            "0303030303030303030303030303030303030303030303030303030303030303"));
        var sealedBytes = Convert.FromHexString("986ec1832593df5443a179437fd083bf3fdb41abd740a21f71eb769d");
        var plaintext = new byte[12];

        // Act
        var ok = aead.TryDecrypt(
            "ABCDEFGHIJKLMNOPQRSTUVWX"u8, sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12), plaintext,
            "c2sp.org/XAES-256-GCM"u8);

        // Assert
        Assert.That(ok, Is.True);
        Assert.That(Encoding.ASCII.GetString(plaintext), Is.EqualTo("XAES-256-GCM"));
    }

    [TestCase(0, Description = "ciphertext")]
    [TestCase(12, Description = "tag")]
    public void TryDecrypt_FlippedBit_ReturnsFalseAndZeroesOutput(int index)
    {
        // Arrange
        using var aead = new XAes256Gcm(Convert.FromHexString(
            "0101010101010101010101010101010101010101010101010101010101010101"));
        var sealedBytes = Convert.FromHexString("ce546ef63c9cc60765923609b33a9a1974e96e52daf2fcf7075e2271");
        sealedBytes[index] ^= 1;
        var plaintext = new byte[12];

        // Act
        var ok = aead.TryDecrypt(
            "ABCDEFGHIJKLMNOPQRSTUVWX"u8, sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12), plaintext, []);

        // Assert
        Assert.That(ok, Is.False);
        Assert.That(plaintext, Is.All.EqualTo(0));
    }

    [Test]
    public void TryDecrypt_WrongAssociatedData_ReturnsFalse()
    {
        // Arrange
        using var aead = new XAes256Gcm(new byte[32]);
        var nonce = new byte[24];
        var ciphertext = new byte[5];
        var tag = new byte[16];
        aead.Encrypt(nonce, "hello"u8, ciphertext, tag, "page 1"u8);

        // Act
        var ok = aead.TryDecrypt(nonce, ciphertext, tag, new byte[5], "page 2"u8);

        // Assert
        Assert.That(ok, Is.False);
    }

    [TestCase(16)]
    [TestCase(31)]
    [TestCase(33)]
    public void Constructor_WrongKeyLength_Throws(int length)
    {
        Assert.That(() => new XAes256Gcm(new byte[length]), Throws.ArgumentException);
    }

    [Test]
    public void Encrypt_WrongNonceLength_Throws()
    {
        using var aead = new XAes256Gcm(new byte[32]);
        Assert.That(
            () => aead.Encrypt(new byte[12], [], [], new byte[16], []), Throws.ArgumentException);
    }

    // "Accumulated randomized tests": inputs from one SHAKE-128 stream, ciphertexts hashed with another.
    [Test]
    public void Encrypt_AccumulatedRandomized10000_MatchesSpecHash()
    {
        if (!Shake128.IsSupported)
        {
            Assert.Ignore("SHAKE-128 is not available on this platform.");
        }

        // Arrange
        // One squeeze of the whole input stream (OpenSSL before 3.3 cannot squeeze incrementally); an XOF's shorter
        // outputs are prefixes of longer ones, and 10,000 iterations read at most 568 bytes each.
        var stream = new MemoryStream(Shake128.HashData([], 10_000 * 568));
        using var digest = new Shake128();
        var key = new byte[32];
        var nonce = new byte[24];
        var lengthByte = new byte[1];

        // Act
        for (var i = 0; i < 10_000; i++)
        {
            stream.ReadExactly(key);
            stream.ReadExactly(nonce);
            stream.ReadExactly(lengthByte);
            var plaintext = new byte[lengthByte[0]];
            stream.ReadExactly(plaintext);
            stream.ReadExactly(lengthByte);
            var aad = new byte[lengthByte[0]];
            stream.ReadExactly(aad);

            using var aead = new XAes256Gcm(key);
            var sealedBytes = new byte[plaintext.Length + 16];
            aead.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length),
                sealedBytes.AsSpan(plaintext.Length), aad);
            digest.AppendData(sealedBytes);

            var opened = new byte[plaintext.Length];
            Assert.That(aead.TryDecrypt(nonce, sealedBytes.AsSpan(0, plaintext.Length),
                sealedBytes.AsSpan(plaintext.Length), opened, aad), Is.True);
        }

        // Assert
        Assert.That(Convert.ToHexStringLower(digest.GetHashAndReset(32)),
            Is.EqualTo("e6b9edf2df6cec60c8cbd864e2211b597fb69a529160cd040d56c0c210081939"));
    }
}
