using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Crypto.Tests.ProofOfWork;

public class ProofOfWorkDifficultyPolicyTests
{
    private readonly ManualClock clock = new();

    private ProofOfWorkDifficultyPolicy Policy() => new(baseBits: 16, maxBits: 20, uploadsPerStep: 10, clock);

    private static void Record(ProofOfWorkDifficultyPolicy policy, int count)
    {
        for (int i = 0; i < count; i++)
        {
            policy.RecordAccepted();
        }
    }

    [TestCase(0, 16, Description = "quiet")]
    [TestCase(9, 16, Description = "below the first step")]
    [TestCase(10, 17, Description = "first step")]
    [TestCase(30, 18, Description = "four times the step rate")]
    [TestCase(70, 19)]
    [TestCase(100_000, 20, Description = "capped")]
    public void CurrentBits_RecentUploads_RisesLogarithmically(int uploads, int expected)
    {
        var policy = Policy();
        Record(policy, uploads);

        Assert.That(policy.CurrentBits, Is.EqualTo(expected));
    }

    [Test]
    public void CurrentBits_LoadOlderThanAMinute_IsForgotten()
    {
        var policy = Policy();
        Record(policy, 100);
        clock.Advance(TimeSpan.FromSeconds(60));

        Assert.That(policy.CurrentBits, Is.EqualTo(16));
    }

    [Test]
    public void AcceptedInLastMinute_SpreadOverSeconds_CountsOnlyTheWindow()
    {
        var policy = Policy();
        for (int second = 0; second < 90; second++)
        {
            policy.RecordAccepted();
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(policy.AcceptedInLastMinute(), Is.EqualTo(59));
    }

    [Test]
    public void Constructor_MaxBelowBase_Throws()
    {
        Assert.That(() => new ProofOfWorkDifficultyPolicy(16, 15, 10, clock), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
