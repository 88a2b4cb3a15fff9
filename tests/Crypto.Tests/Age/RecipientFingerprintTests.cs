using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

public class RecipientFingerprintTests
{
    // The X25519 recipient from the age README; the expected value is `printf '%s' … | sha256sum | cut -c1-32`.
    private const string Recipient = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

    [Test]
    public void Compute_KnownRecipient_MatchesSha256sum()
    {
        Assert.That(RecipientFingerprint.Compute(Recipient), Is.EqualTo("cf7e 5682 3131 5068 5bf1 6e42 c4ea 48e1"));
    }

    [Test]
    public void Compute_UpperCaseRecipient_SameFingerprint()
    {
        Assert.That(RecipientFingerprint.Compute(Recipient.ToUpperInvariant()), Is.EqualTo(RecipientFingerprint.Compute(Recipient)));
    }

    [TestCase("", Description = "empty")]
    [TestCase("   ", Description = "blank")]
    [TestCase("age1 abc", Description = "inner space")]
    [TestCase("age1é", Description = "non-ASCII")]
    public void Compute_NotARecipient_Throws(string text)
    {
        Assert.That(() => RecipientFingerprint.Compute(text), Throws.ArgumentException);
    }

    [Test]
    public void Compute_TooLong_Throws()
    {
        Assert.That(() => RecipientFingerprint.Compute(new string('a', 4097)), Throws.ArgumentException);
    }
}
