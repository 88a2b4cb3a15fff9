using WhistleSubmit.Crypto.ProofOfWork;

namespace WhistleSubmit.Crypto.Tests.ProofOfWork;

public class ProofOfWorkReplayCacheTests
{
    private readonly ManualClock clock = new();

    [Test]
    public void TrySpend_NewId_Accepted()
    {
        var cache = new ProofOfWorkReplayCache(10, clock);

        Assert.That(cache.TrySpend("a", clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(ProofOfWorkVerdict.Accepted));
    }

    [Test]
    public void TrySpend_SameIdTwice_Replayed()
    {
        var cache = new ProofOfWorkReplayCache(10, clock);
        cache.TrySpend("a", clock.GetUtcNow().AddMinutes(1));

        Assert.That(cache.TrySpend("a", clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(ProofOfWorkVerdict.Replayed));
    }

    [Test]
    public void TrySpend_FullOfExpiredIds_ForgetsThemAndAccepts()
    {
        var cache = new ProofOfWorkReplayCache(2, clock);
        cache.TrySpend("a", clock.GetUtcNow().AddMinutes(1));
        cache.TrySpend("b", clock.GetUtcNow().AddMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.That(cache.TrySpend("c", clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(ProofOfWorkVerdict.Accepted));
        Assert.That(cache.Count, Is.EqualTo(1));
    }

    [Test]
    public void TrySpend_FullOfLiveIds_Busy()
    {
        var cache = new ProofOfWorkReplayCache(1, clock);
        cache.TrySpend("a", clock.GetUtcNow().AddMinutes(1));

        Assert.That(cache.TrySpend("b", clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(ProofOfWorkVerdict.Busy));
    }

    [Test]
    public void PurgeExpired_Always_KeepsLiveIds()
    {
        var cache = new ProofOfWorkReplayCache(10, clock);
        cache.TrySpend("short", clock.GetUtcNow().AddMinutes(1));
        cache.TrySpend("long", clock.GetUtcNow().AddMinutes(5));
        clock.Advance(TimeSpan.FromMinutes(2));

        cache.PurgeExpired();

        Assert.That(cache.Count, Is.EqualTo(1));
        Assert.That(cache.TrySpend("long", clock.GetUtcNow().AddMinutes(5)), Is.EqualTo(ProofOfWorkVerdict.Replayed));
    }
}
