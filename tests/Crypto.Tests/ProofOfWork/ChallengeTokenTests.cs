using System.Buffers.Binary;
using System.Buffers.Text;
using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Crypto.Tests.ProofOfWork;

public class ChallengeTokenTests
{
    private static string Token(Action<byte[]> change)
    {
        var bytes = new byte[66];
        bytes[0] = 1;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(17), 1_700_000_000);
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(25), 1_700_000_600);
        bytes[33] = 16;
        change(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    [Test]
    public void Parse_WellFormed_ReadsFields()
    {
        ProofOfWorkChallenge challenge = ChallengeToken.Parse(Token(b => b[1] = 0xab));

        Assert.That(challenge.Id, Is.EqualTo("ab" + new string('0', 30)));
        Assert.That(challenge.IssuedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
        Assert.That(challenge.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_600)));
        Assert.That(challenge.DifficultyBits, Is.EqualTo(16));
    }

    [Test]
    public void Parse_UnknownVersion_Throws()
    {
        Assert.That(() => ChallengeToken.Parse(Token(b => b[0] = 2)), Throws.InstanceOf<ProofOfWorkException>());
    }

    [TestCase(0)]
    [TestCase(ProofOfWorkChallenge.MaxDifficultyBits + 1)]
    public void Parse_DifficultyOutOfRange_Throws(int bits)
    {
        Assert.That(
            () => ChallengeToken.Parse(Token(b => b[33] = (byte)bits)),
            Throws.InstanceOf<ProofOfWorkException>());
    }

    [Test]
    public void Parse_ExpiryNotAfterIssue_Throws()
    {
        string token = Token(b => BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(25), 1_700_000_000));

        Assert.That(() => ChallengeToken.Parse(token), Throws.InstanceOf<ProofOfWorkException>());
    }

    [Test]
    public void Parse_LifetimeOverMaximum_Throws()
    {
        string token = Token(b => BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(25), 1_700_000_000 + 3601));

        Assert.That(() => ChallengeToken.Parse(token), Throws.InstanceOf<ProofOfWorkException>());
    }

    [Test]
    public void Parse_NegativeIssueTime_Throws()
    {
        string token = Token(b => BinaryPrimitives.WriteInt64BigEndian(b.AsSpan(17), -1));

        Assert.That(() => ChallengeToken.Parse(token), Throws.InstanceOf<ProofOfWorkException>());
    }

    [TestCase("=", Description = "padding")]
    [TestCase(" ", Description = "whitespace the BCL decoder would skip")]
    [TestCase("+", Description = "standard base64 alphabet")]
    [TestCase("A", Description = "one character too many")]
    public void Parse_NonCanonicalText_Throws(string extra)
    {
        string token = Token(_ => { });
        string bad = extra == "A" ? token + extra : token[..^1] + extra;

        Assert.That(() => ChallengeToken.Parse(bad), Throws.InstanceOf<ProofOfWorkException>());
    }

    [Test]
    public void Parse_Truncated_Throws()
    {
        Assert.That(() => ChallengeToken.Parse(Token(_ => { })[..^4]), Throws.InstanceOf<ProofOfWorkException>());
    }

    [Test]
    public void Parse_Malformed_MessageDoesNotEchoInput()
    {
        const string input = "secret-looking-input";

        var error = Assert.Throws<ProofOfWorkException>(() => ChallengeToken.Parse(input));

        Assert.That(error!.Message, Does.Not.Contain(input));
    }
}
