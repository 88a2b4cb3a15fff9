using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class ScryptTests
{
    [Test]
    public void EncryptDecrypt_Passphrase_RoundTrips()
    {
        using var recipient = new ScryptRecipient("correct horse", workFactor: 10);
        using var identity = new ScryptIdentity("correct horse");

        byte[] ciphertext = AgeEncryption.Encrypt([1, 2, 3], [recipient]);

        Assert.That(AgeEncryption.Decrypt(ciphertext, [identity]), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void Utf8Bytes_SameAsString_AndCallersCopyCanBeZeroedAtOnce()
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes("correct horse é");
        using var recipient = new ScryptRecipient(bytes, workFactor: 10);
        Array.Clear(bytes);
        using var identity = new ScryptIdentity("correct horse é");
        byte[] ciphertext = AgeEncryption.Encrypt([1, 2, 3], [recipient]);
        byte[] again = System.Text.Encoding.UTF8.GetBytes("correct horse é");
        using var fromBytes = new ScryptIdentity(again);
        Array.Clear(again);

        Assert.That(AgeEncryption.Decrypt(ciphertext, [identity]), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(AgeEncryption.Decrypt(ciphertext, [fromBytes]), Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => _ = new ScryptIdentity(ReadOnlySpan<byte>.Empty));
    }

    [Test]
    public void Decrypt_WrongPassphrase_ThrowsNoMatch()
    {
        using var recipient = new ScryptRecipient("correct horse", workFactor: 10);
        using var identity = new ScryptIdentity("battery staple");
        byte[] ciphertext = AgeEncryption.Encrypt([1], [recipient]);

        var e = Assert.Throws<AgeException>(() => AgeEncryption.Decrypt(ciphertext, [identity]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.NoMatch));
    }

    [Test]
    public void Decrypt_WorkFactorAboveMaximum_ThrowsHeader()
    {
        using var recipient = new ScryptRecipient("p", workFactor: 12);
        using var identity = new ScryptIdentity("p", maxWorkFactor: 11);
        byte[] ciphertext = AgeEncryption.Encrypt([1], [recipient]);

        var e = Assert.Throws<AgeException>(() => AgeEncryption.Decrypt(ciphertext, [identity]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void Labels_TwoInstances_Differ()
    {
        using var a = new ScryptRecipient("p", 1);
        using var b = new ScryptRecipient("p", 1);

        Assert.That(a.Labels, Has.Count.EqualTo(1));
        Assert.That(a.Labels.SetEquals(b.Labels), Is.False);
    }

    [TestCase(0)]
    [TestCase(31)]
    public void Constructors_WorkFactorOutOfRange_Throw(int workFactor)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ScryptRecipient("p", workFactor));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ScryptIdentity("p", workFactor));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Constructors_NullOrEmptyPassphrase_Throw(string? passphrase)
    {
        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => _ = new ScryptRecipient(passphrase!));
        Assert.Throws(Is.InstanceOf<ArgumentException>(), () => _ = new ScryptIdentity(passphrase!));
    }

    [Test]
    public void Members_AfterDispose_ThrowObjectDisposed()
    {
        var recipient = new ScryptRecipient("p", 1);
        var identity = new ScryptIdentity("p");
        recipient.Dispose();
        identity.Dispose();

        Assert.Throws<ObjectDisposedException>(() => recipient.Wrap(FileKey.Generate()));
        Assert.Throws<ObjectDisposedException>(() => identity.Unwrap([]));
    }

    [Test]
    public void Unwrap_ScryptAlongsideOtherStanza_ThrowsHeader()
    {
        using var recipient = new ScryptRecipient("p", 1);
        using var identity = new ScryptIdentity("p");
        Stanza stanza = recipient.Wrap(FileKey.Generate())[0];

        var e = Assert.Throws<AgeException>(() => identity.Unwrap([stanza, new Stanza("other", [], new byte[0])]));

        Assert.That(e.Kind, Is.EqualTo(AgeErrorKind.Header));
    }

    [Test]
    public void ToString_Always_OmitsPassphrase()
    {
        using var recipient = new ScryptRecipient("hunter2", 1);
        using var identity = new ScryptIdentity("hunter2");

        Assert.That(recipient.ToString() + identity, Does.Not.Contain("hunter2"));
    }
}
