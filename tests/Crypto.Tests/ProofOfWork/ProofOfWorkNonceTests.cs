using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Crypto.Tests.ProofOfWork;

public class ProofOfWorkNonceTests
{
    [TestCase("0", 0UL)]
    [TestCase("42", 42UL)]
    [TestCase("18446744073709551615", ulong.MaxValue)]
    public void Parse_Canonical_ReturnsValue(string text, ulong expected)
    {
        Assert.That(ProofOfWorkNonce.Parse(text), Is.EqualTo(expected));
    }

    [TestCase("", Description = "empty")]
    [TestCase("007", Description = "leading zeros")]
    [TestCase("+7", Description = "sign")]
    [TestCase("7 ", Description = "trailing space")]
    [TestCase("٣", Description = "non-ASCII digit")]
    [TestCase("0x10", Description = "hex")]
    [TestCase("184467440737095516150", Description = "too long")]
    public void Parse_NonCanonical_Throws(string text)
    {
        Assert.That(() => ProofOfWorkNonce.Parse(text), Throws.InstanceOf<ProofOfWorkException>());
    }

    [Test]
    public void Format_ThenParse_RoundTrips()
    {
        Assert.That(ProofOfWorkNonce.Parse(ProofOfWorkNonce.Format(123456789UL)), Is.EqualTo(123456789UL));
    }
}
