using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Crypto.Tests.ProofOfWork;

public class ProofOfWorkHashTests
{
    [TestCase(new byte[] { 0xff, 0x00 }, 0)]
    [TestCase(new byte[] { 0x80, 0x00 }, 0)]
    [TestCase(new byte[] { 0x7f, 0x00 }, 1)]
    [TestCase(new byte[] { 0x01, 0x00 }, 7)]
    [TestCase(new byte[] { 0x00, 0x80 }, 8)]
    [TestCase(new byte[] { 0x00, 0x00, 0x10 }, 19)]
    [TestCase(new byte[] { 0x00, 0x00 }, 16)]
    public void CountLeadingZeroBits_Bytes_CountsFromTheMostSignificantBit(byte[] hash, int expected)
    {
        Assert.That(ProofOfWorkHash.CountLeadingZeroBits(hash), Is.EqualTo(expected));
    }

    [Test]
    public void LeadingZeroBits_KnownInput_MatchesSha256OfTokenAndBigEndianNonce()
    {
        var token = new byte[66];
        token[0] = 1;
        byte[] input = [.. token, 0, 0, 0, 0, 0, 0, 0x01, 0x02];
        int expected = ProofOfWorkHash.CountLeadingZeroBits(System.Security.Cryptography.SHA256.HashData(input));

        Assert.That(ProofOfWorkHash.LeadingZeroBits(token, 0x0102), Is.EqualTo(expected));
    }
}
