using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class AgeEncryptionMisuseTests
{
    [Test]
    public void EncryptStream_NullOutput_Throws()
    {
        using var id = X25519Identity.Generate();

        Assert.Throws<ArgumentNullException>(() => AgeEncryption.Encrypt((Stream)null!, [id.Recipient]));
    }

    [Test]
    public void EncryptStream_ReadOnlyOutput_Throws()
    {
        using var id = X25519Identity.Generate();

        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt(new MemoryStream([], writable: false), [id.Recipient]));
    }

    [Test]
    public void Encrypt_NullRecipients_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AgeEncryption.Encrypt([1], null!));
        Assert.Throws<ArgumentNullException>(() => AgeEncryption.Encrypt(new MemoryStream(), null!));
    }

    [Test]
    public void Encrypt_EmptyRecipients_Throws()
    {
        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt([1], []));
        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt(new MemoryStream(), []));
    }

    [Test]
    public void Encrypt_NullRecipientElement_Throws()
    {
        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt([1], [null!]));
    }

    [Test]
    public void Encrypt_ScryptWithX25519_Throws()
    {
        using var id = X25519Identity.Generate();
        using var scrypt = new ScryptRecipient("pass", 1);

        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt([1], [id.Recipient, scrypt]));
    }

    [Test]
    public void Encrypt_TwoScryptRecipients_Throws()
    {
        using var a = new ScryptRecipient("a", 1);
        using var b = new ScryptRecipient("b", 1);

        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt([1], [a, b]));
    }

    [Test]
    public void Encrypt_DifferentLabels_Throws()
    {
        using var id = X25519Identity.Generate();

        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt([1], [id.Recipient, new LabelledRecipient()]));
    }

    [Test]
    public void Encrypt_RecipientWithInvalidStanzaArgument_Throws()
    {
        Assert.Throws<ArgumentException>(() => AgeEncryption.Encrypt([1], [new LabelledRecipient("bad arg")]));
    }

    [Test]
    public void DecryptStream_NullInput_Throws()
    {
        using var id = X25519Identity.Generate();

        Assert.Throws<ArgumentNullException>(() => AgeEncryption.Decrypt((Stream)null!, [id]));
    }

    [Test]
    public void Decrypt_NullIdentities_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AgeEncryption.Decrypt([1], null!));
        Assert.Throws<ArgumentNullException>(() => AgeEncryption.Decrypt(new MemoryStream(), null!));
    }

    [Test]
    public void Decrypt_EmptyIdentities_Throws()
    {
        Assert.Throws<ArgumentException>(() => AgeEncryption.Decrypt([1], []));
    }

    [Test]
    public void Decrypt_NullIdentityElement_Throws()
    {
        Assert.Throws<ArgumentException>(() => AgeEncryption.Decrypt([1], [null!]));
    }

    [Test]
    public void Decrypt_DisposedIdentity_ThrowsObjectDisposed()
    {
        var id = X25519Identity.Generate();
        byte[] ciphertext = AgeEncryption.Encrypt([1], [id.Recipient]);
        id.Dispose();

        Assert.Throws<ObjectDisposedException>(() => AgeEncryption.Decrypt(ciphertext, [id]));
    }

    [Test]
    public void Decrypt_Empty_ThrowsHeader()
    {
        using var id = X25519Identity.Generate();

        var e = Assert.Throws<AgeException>(() => AgeEncryption.Decrypt([], [id]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.Header));
    }

    /// <summary>A recipient with a label X25519 does not have, or a stanza argument the format forbids.</summary>
    private sealed class LabelledRecipient(string arg = "ok") : IRecipient
    {
        public IReadOnlySet<string> Labels { get; } = new HashSet<string> { "test" };

        public IReadOnlyList<Stanza> Wrap(FileKey fileKey) => [new Stanza("test", [arg], new byte[32])];
    }
}
