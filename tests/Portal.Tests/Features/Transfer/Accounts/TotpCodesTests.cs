using System.Text;
using WhistleSubmit.Portal.Features.Transfer.Accounts;

namespace WhistleSubmit.Portal.Tests.Features.Transfer.Accounts;

public class TotpCodesTests
{
    // RFC 6238 Appendix B, SHA-1 seed "12345678901234567890"; the last six digits of the 8-digit values.
    private static readonly byte[] Rfc6238Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    [TestCase(59L, "287082")]
    [TestCase(1111111109L, "081804")]
    [TestCase(1234567890L, "005924")]
    [TestCase(2000000000L, "279037")]
    public void Compute_Rfc6238Vectors_Match(long unixSeconds, string code) =>
        Assert.That(TotpCodes.Compute(Rfc6238Secret, DateTimeOffset.FromUnixTimeSeconds(unixSeconds)), Is.EqualTo(code));

    [Test]
    public void Verify_CodeOfThisStepOrNeighbour_ReturnsItsStep()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
        long step = 1234567890 / 30;

        Assert.That(TotpCodes.Verify(Rfc6238Secret, "005924", now), Is.EqualTo(step));
        Assert.That(TotpCodes.Verify(Rfc6238Secret, TotpCodes.Compute(Rfc6238Secret, now.AddSeconds(-30)), now), Is.EqualTo(step - 1));
        Assert.That(TotpCodes.Verify(Rfc6238Secret, TotpCodes.Compute(Rfc6238Secret, now.AddSeconds(30)), now), Is.EqualTo(step + 1));
        Assert.That(TotpCodes.Verify(Rfc6238Secret, TotpCodes.Compute(Rfc6238Secret, now.AddSeconds(-60)), now), Is.Null);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("00592")]
    [TestCase("0059244")]
    [TestCase("00592a")]
    [TestCase("٠٠٥٩٢٤", Description = "Arabic-Indic digits are not ASCII digits")]
    public void Verify_NotSixAsciiDigits_Null(string? code) =>
        Assert.That(TotpCodes.Verify(Rfc6238Secret, code, DateTimeOffset.FromUnixTimeSeconds(1234567890)), Is.Null);

    [Test]
    public void Uri_KeyUriFormat_Base32SecretNoPadding() =>
        Assert.That(TotpCodes.Uri("ana", Rfc6238Secret), Is.EqualTo(
            "otpauth://totp/WhistleSubmit:ana?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=WhistleSubmit&algorithm=SHA1&digits=6&period=30"));
}
