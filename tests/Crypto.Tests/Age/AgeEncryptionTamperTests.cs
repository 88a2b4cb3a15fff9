using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>Every truncation and every header bit flip of a small file must fail with AgeException and nothing else.</summary>
public class AgeEncryptionTamperTests
{
    private X25519Identity identity = null!;
    private byte[] ciphertext = null!;
    private int headerLength;

    [OneTimeSetUp]
    public void SetUp()
    {
        identity = X25519Identity.Generate();
        ciphertext = AgeEncryption.Encrypt("a small secret message"u8, [identity.Recipient]);
        headerLength = ciphertext.AsSpan().IndexOf("\n---"u8) + 49;
    }

    [OneTimeTearDown]
    public void TearDown() => identity.Dispose();

    [Test]
    public void Decrypt_TruncatedAtEveryByte_ThrowsAgeException()
    {
        for (int length = 0; length < ciphertext.Length; length++)
        {
            byte[] truncated = ciphertext[..length];

            Assert.That(() => AgeEncryption.Decrypt(truncated, [identity]), Throws.TypeOf<AgeException>(), $"length {length}");
        }
    }

    [Test]
    public void Decrypt_EveryHeaderBitFlipped_ThrowsAgeException()
    {
        for (int bit = 0; bit < headerLength * 8; bit++)
        {
            byte[] tampered = (byte[])ciphertext.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            Assert.That(() => AgeEncryption.Decrypt(tampered, [identity]), Throws.TypeOf<AgeException>(), $"bit {bit}");
        }
    }

    [Test]
    public void Decrypt_EveryPayloadBitFlipped_ThrowsPayload()
    {
        for (int bit = headerLength * 8; bit < ciphertext.Length * 8; bit++)
        {
            byte[] tampered = (byte[])ciphertext.Clone();
            tampered[bit / 8] ^= (byte)(1 << (bit % 8));

            var e = Assert.Throws<AgeException>(() => AgeEncryption.Decrypt(tampered, [identity]), $"bit {bit}");
            Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.Payload), $"bit {bit}");
        }
    }

    [Test]
    public void Decrypt_ArmoredTruncatedAtEveryByte_ThrowsAgeException()
    {
        byte[] armored = AgeEncryption.Encrypt("short"u8, [identity.Recipient], armor: true);

        // The very last byte is the final LF, which the armor may omit.
        for (int length = 0; length < armored.Length - 1; length++)
        {
            byte[] truncated = armored[..length];

            Assert.That(() => AgeEncryption.Decrypt(truncated, [identity]), Throws.TypeOf<AgeException>(), $"length {length}");
        }
    }
}
