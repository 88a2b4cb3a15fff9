using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Crypto.Tests.ProofOfWork;

public class ProofOfWorkAuthorityTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private ManualClock clock = null!;
    private ProofOfWorkAuthority authority = null!;

    [SetUp]
    public void SetUp()
    {
        clock = new ManualClock();
        authority = new ProofOfWorkAuthority(new byte[32], clock, new ProofOfWorkReplayCache(100, clock));
    }

    [TearDown]
    public void TearDown() => authority.Dispose();

    [Test]
    public void Verify_SolvedChallenge_Accepted()
    {
        string token = authority.Issue(8, Lifetime);
        string nonce = ProofOfWorkSolver.Solve(token);

        Assert.That(authority.Verify(token, nonce), Is.EqualTo(ProofOfWorkVerdict.Accepted));
    }

    [Test]
    public void Verify_SameSolutionTwice_SecondIsReplayed()
    {
        string token = authority.Issue(8, Lifetime);
        string nonce = ProofOfWorkSolver.Solve(token);
        authority.Verify(token, nonce);

        Assert.That(authority.Verify(token, nonce), Is.EqualTo(ProofOfWorkVerdict.Replayed));
    }

    [Test]
    public void Verify_AfterExpiry_Expired()
    {
        string token = authority.Issue(8, Lifetime);
        string nonce = ProofOfWorkSolver.Solve(token);
        clock.Advance(Lifetime);

        Assert.That(authority.Verify(token, nonce), Is.EqualTo(ProofOfWorkVerdict.Expired));
    }

    [Test]
    public void Verify_JustBeforeExpiry_Accepted()
    {
        string token = authority.Issue(8, Lifetime);
        string nonce = ProofOfWorkSolver.Solve(token);
        clock.Advance(Lifetime - TimeSpan.FromSeconds(1));

        Assert.That(authority.Verify(token, nonce), Is.EqualTo(ProofOfWorkVerdict.Accepted));
    }

    [Test]
    public void Verify_NonceWithTooFewZeroBits_InsufficientWork()
    {
        string token = authority.Issue(20, Lifetime);
        string nonce = FirstNonceBelow(token, 20);

        Assert.That(authority.Verify(token, nonce), Is.EqualTo(ProofOfWorkVerdict.InsufficientWork));
    }

    [Test]
    public void Verify_InsufficientWork_DoesNotSpendTheChallenge()
    {
        string token = authority.Issue(8, Lifetime);
        authority.Verify(token, FirstNonceBelow(token, 8));

        Assert.That(authority.Verify(token, ProofOfWorkSolver.Solve(token)), Is.EqualTo(ProofOfWorkVerdict.Accepted));
    }

    [Test]
    public void Verify_TokenFromAnotherKey_BadSignature()
    {
        var otherKey = Enumerable.Repeat((byte)7, 32).ToArray();
        using var other = new ProofOfWorkAuthority(otherKey, clock, new ProofOfWorkReplayCache(10, clock));
        string token = other.Issue(8, Lifetime);

        Assert.That(authority.Verify(token, ProofOfWorkSolver.Solve(token)), Is.EqualTo(ProofOfWorkVerdict.BadSignature));
    }

    [Test]
    public void Verify_LoweredDifficultyInToken_BadSignature()
    {
        string token = authority.Issue(20, Lifetime);
        byte[] bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
        bytes[33] = 1;
        string forged = System.Buffers.Text.Base64Url.EncodeToString(bytes);

        Assert.That(authority.Verify(forged, ProofOfWorkSolver.Solve(forged)), Is.EqualTo(ProofOfWorkVerdict.BadSignature));
    }

    [TestCase(null, Description = "missing")]
    [TestCase("", Description = "empty")]
    [TestCase("not a token", Description = "wrong alphabet and length")]
    public void Verify_MalformedToken_Malformed(string? token)
    {
        Assert.That(authority.Verify(token, "0"), Is.EqualTo(ProofOfWorkVerdict.Malformed));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("-1")]
    [TestCase("01")]
    [TestCase(" 1")]
    [TestCase("18446744073709551616", Description = "ulong.MaxValue + 1")]
    public void Verify_MalformedNonce_Malformed(string? nonce)
    {
        string token = authority.Issue(8, Lifetime);

        Assert.That(authority.Verify(token, nonce), Is.EqualTo(ProofOfWorkVerdict.Malformed));
    }

    [Test]
    public void Verify_ReplayCacheFull_Busy()
    {
        using var small = new ProofOfWorkAuthority(new byte[32], clock, new ProofOfWorkReplayCache(1, clock));
        string first = small.Issue(4, Lifetime);
        string second = small.Issue(4, Lifetime);
        small.Verify(first, ProofOfWorkSolver.Solve(first));

        Assert.That(small.Verify(second, ProofOfWorkSolver.Solve(second)), Is.EqualTo(ProofOfWorkVerdict.Busy));
    }

    [Test]
    public void Issue_Always_CarriesRequestedFields()
    {
        string token = authority.Issue(12, Lifetime);
        ProofOfWorkChallenge challenge = ChallengeToken.Parse(token);

        Assert.That(token, Has.Length.EqualTo(ChallengeToken.Length));
        Assert.That(challenge.DifficultyBits, Is.EqualTo(12));
        Assert.That(challenge.IssuedAt, Is.EqualTo(clock.GetUtcNow()));
        Assert.That(challenge.ExpiresAt, Is.EqualTo(clock.GetUtcNow() + Lifetime));
        Assert.That(challenge.Id, Does.Match("^[0-9a-f]{32}$"));
    }

    [Test]
    public void Issue_TwoChallenges_HaveDistinctIds()
    {
        var first = ChallengeToken.Parse(authority.Issue(8, Lifetime));
        var second = ChallengeToken.Parse(authority.Issue(8, Lifetime));

        Assert.That(first.Id, Is.Not.EqualTo(second.Id));
    }

    [TestCase(0)]
    [TestCase(ProofOfWorkChallenge.MaxDifficultyBits + 1)]
    public void Issue_DifficultyOutOfRange_Throws(int bits)
    {
        Assert.That(() => authority.Issue(bits, Lifetime), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Constructor_ShortKey_Throws()
    {
        Assert.That(
            () => new ProofOfWorkAuthority(new byte[31], clock, new ProofOfWorkReplayCache(1, clock)),
            Throws.ArgumentException);
    }

    [Test]
    public void Issue_AfterDispose_Throws()
    {
        authority.Dispose();

        Assert.That(() => authority.Issue(8, Lifetime), Throws.InstanceOf<ObjectDisposedException>());
    }

    /// <summary>A nonce whose hash has fewer than <paramref name="bits"/> leading zero bits (almost any nonce).</summary>
    private static string FirstNonceBelow(string token, int bits)
    {
        byte[] bytes = System.Buffers.Text.Base64Url.DecodeFromChars(token);
        ulong nonce = 0;
        while (ProofOfWorkHash.LeadingZeroBits(bytes, nonce) >= bits)
        {
            nonce++;
        }

        return ProofOfWorkNonce.Format(nonce);
    }
}
