using WhistleSubmit.Crypto.Age.Hpke;

namespace WhistleSubmit.Crypto.Tests.Age.Hpke;

public class ChaCha20Poly1305AeadTests
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] Nonce = new byte[12];

    [TearDown]
    public void RestorePlatformAead() => ChaCha20Poly1305Aead.ForceBouncyCastle = false;

    [Test]
    public void Seal_BothImplementations_GiveIdenticalBytesThatTheOtherOpens()
    {
        byte[] platform = ChaCha20Poly1305Aead.Seal(Key, Nonce, "aad"u8, "plaintext"u8);
        ChaCha20Poly1305Aead.ForceBouncyCastle = true;
        byte[] bouncyCastle = ChaCha20Poly1305Aead.Seal(Key, Nonce, "aad"u8, "plaintext"u8);

        Assert.Multiple(() =>
        {
            Assert.That(bouncyCastle, Is.EqualTo(platform));
            Assert.That(ChaCha20Poly1305Aead.Open(Key, Nonce, "aad"u8, platform), Is.EqualTo("plaintext"u8.ToArray()));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Open_TamperedTag_ReturnsNull(bool bouncyCastle)
    {
        ChaCha20Poly1305Aead.ForceBouncyCastle = bouncyCastle;
        byte[] sealedBytes = ChaCha20Poly1305Aead.Seal(Key, Nonce, [], "plaintext"u8);
        sealedBytes[^1] ^= 1;

        Assert.That(ChaCha20Poly1305Aead.Open(Key, Nonce, [], sealedBytes), Is.Null);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Open_ShorterThanTag_ReturnsNull(bool bouncyCastle)
    {
        ChaCha20Poly1305Aead.ForceBouncyCastle = bouncyCastle;

        Assert.That(ChaCha20Poly1305Aead.Open(Key, Nonce, [], new byte[15]), Is.Null);
    }
}
