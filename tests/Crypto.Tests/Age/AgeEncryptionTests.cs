using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class AgeEncryptionTests
{
    private static readonly int[] Sizes = [0, 1, 65535, 65536, 65537, 3 * 65536, (3 * 1024 * 1024) + 17];

    private static IEnumerable<TestCaseData> RoundTripCases()
    {
        foreach (int size in Sizes)
        {
            foreach (bool armor in new[] { false, true })
            {
                foreach (bool bc in new[] { false, true })
                {
                    yield return new TestCaseData(size, armor, bc)
                        .SetName($"EncryptDecrypt_{size}Bytes{(armor ? "Armored" : "Binary")}{(bc ? "BouncyCastle" : "Platform")}_RoundTrips");
                }
            }
        }
    }

    [TestCaseSource(nameof(RoundTripCases))]
    public void EncryptDecrypt_Size_RoundTrips(int size, bool armor, bool bouncyCastle)
    {
        byte[] plaintext = Enumerable.Range(0, size).Select(i => unchecked((byte)(i * 7))).ToArray();
        using var identity = X25519Identity.Generate();
        AgeEncryption.UseBouncyCastlePayloadCipher = bouncyCastle;
        try
        {
            byte[] ciphertext = AgeEncryption.Encrypt(plaintext, [identity.Recipient], armor);
            byte[] decrypted = AgeEncryption.Decrypt(ciphertext, [identity]);

            Assert.That(decrypted, Is.EqualTo(plaintext));
        }
        finally
        {
            AgeEncryption.UseBouncyCastlePayloadCipher = false;
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Encrypt_Armored_WritesStrictPem(bool empty)
    {
        using var identity = X25519Identity.Generate();

        byte[] ciphertext = AgeEncryption.Encrypt(empty ? [] : new byte[1000], [identity.Recipient], armor: true);
        string[] lines = System.Text.Encoding.ASCII.GetString(ciphertext).Split('\n');

        Assert.That(lines[0], Is.EqualTo("-----BEGIN AGE ENCRYPTED FILE-----"));
        Assert.That(lines[^2], Is.EqualTo("-----END AGE ENCRYPTED FILE-----"));
        Assert.That(lines[^1], Is.Empty);
        Assert.That(lines[1..^3].Select(l => l.Length), Is.All.EqualTo(64));
        Assert.That(lines[^3].Length, Is.InRange(1, 64));
    }

    [Test]
    public void DecryptStream_TrickledNonSeekableInput_RoundTrips()
    {
        byte[] plaintext = Enumerable.Range(0, 200_000).Select(i => unchecked((byte)i)).ToArray();
        using var identity = X25519Identity.Generate();
        byte[] ciphertext = AgeEncryption.Encrypt(plaintext, [identity.Recipient]);

        using Stream decrypted = AgeEncryption.Decrypt(new TrickleStream(ciphertext, 7), [identity]);
        using var output = new MemoryStream();
        decrypted.CopyTo(output, 333);

        Assert.That(output.ToArray(), Is.EqualTo(plaintext));
    }

    [Test]
    public void EncryptStream_OddWriteSizes_RoundTrips()
    {
        byte[] plaintext = Enumerable.Range(0, 400_000).Select(i => unchecked((byte)(i ^ 0x5a))).ToArray();
        using var identity = X25519Identity.Generate();
        using var buffer = new MemoryStream();

        using (Stream encryptor = AgeEncryption.Encrypt(buffer, [identity.Recipient], leaveOpen: true))
        {
            int[] steps = [1, 65535, 2, 70000, 13, 200_000];
            int pos = 0;
            for (int i = 0; pos < plaintext.Length; i++)
            {
                int n = Math.Min(steps[i % steps.Length], plaintext.Length - pos);
                encryptor.Write(plaintext, pos, n);
                pos += n;
            }
        }

        Assert.That(AgeEncryption.Decrypt(buffer.ToArray(), [identity]), Is.EqualTo(plaintext));
    }

    [Test]
    public void Decrypt_MultipleRecipients_EachIdentityDecrypts()
    {
        using var a = X25519Identity.Generate();
        using var b = X25519Identity.Generate();
        byte[] ciphertext = AgeEncryption.Encrypt([1, 2, 3], [a.Recipient, b.Recipient]);

        Assert.That(AgeEncryption.Decrypt(ciphertext, [a]), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(AgeEncryption.Decrypt(ciphertext, [b]), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Decrypt_WrongIdentity_ThrowsNoMatch()
    {
        using var right = X25519Identity.Generate();
        using var wrong = X25519Identity.Generate();
        byte[] ciphertext = AgeEncryption.Encrypt([1, 2, 3], [right.Recipient]);

        var e = Assert.Throws<AgeException>(() => AgeEncryption.Decrypt(ciphertext, [wrong]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.NoMatch));
    }

    [Test]
    public void Decrypt_LeaveOpenTrue_DoesNotDisposeInput()
    {
        using var identity = X25519Identity.Generate();
        var input = new MemoryStream(AgeEncryption.Encrypt([9], [identity.Recipient]));

        using (Stream s = AgeEncryption.Decrypt(input, [identity], leaveOpen: true))
        {
            s.CopyTo(Stream.Null);
        }

        Assert.That(input.CanRead, Is.True);
    }

    [Test]
    public void Encrypt_LeaveOpenFalse_DisposesOutput()
    {
        using var identity = X25519Identity.Generate();
        var output = new MemoryStream();

        AgeEncryption.Encrypt(output, [identity.Recipient], armor: true).Dispose();

        Assert.That(output.CanWrite, Is.False);
    }

    [Test]
    public void Read_AfterDispose_ThrowsObjectDisposed()
    {
        using var identity = X25519Identity.Generate();
        Stream s = AgeEncryption.Decrypt(new MemoryStream(AgeEncryption.Encrypt([9], [identity.Recipient])), [identity]);
        s.Dispose();

        Assert.Throws<ObjectDisposedException>(() => s.ReadByte());
    }

    [Test]
    public void Write_AfterDispose_ThrowsObjectDisposed()
    {
        using var identity = X25519Identity.Generate();
        Stream s = AgeEncryption.Encrypt(new MemoryStream(), [identity.Recipient]);
        s.Dispose();

        Assert.Throws<ObjectDisposedException>(() => s.WriteByte(1));
    }
}
