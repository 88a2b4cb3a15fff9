using WhistleSubmit.Bench.CrashBench;

namespace WhistleSubmit.Portal.Tests.Admin;

/// <summary>
/// The short version of bench/CrashBench (bench/README.md, "Crash at scale"): a few rounds of SIGKILL, and of power
/// cuts that drop every unsynced write, at random moments during concurrent uploads (single and multi-chunk), export,
/// confirmation with compaction and reply imports; after each restart the store reopens and every acknowledged item
/// and reply is there, hash-checked and decrypted.
/// </summary>
public class CrashCampaignTests
{
    private string scratch = null!;

    [SetUp]
    public void SetUp() => scratch = Directory.CreateTempSubdirectory("whistle-crash-campaign-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(scratch, recursive: true);

    [Test]
    public async Task Campaign_KilledAtRandomMoments_NothingAcknowledgedLost()
    {
        var result = await new Campaign(new CampaignOptions { Rounds = 2, Sources = 3, Log = TestContext.Out }).RunAsync(scratch);

        AssertNothingLost(result);
    }

    [Test]
    public async Task Campaign_PowerCutsAtRandomMoments_NothingAcknowledgedLost()
    {
        if (Environment.UserName != "root")
        {
            Assert.Ignore("Needs root to mount the loop-device file system the power cuts shut down.");
        }

        var result = await new Campaign(new CampaignOptions { Rounds = 2, Sources = 3, PowerCut = true, Log = TestContext.Out }).RunAsync(scratch);

        AssertNothingLost(result);
    }

    private static void AssertNothingLost(CampaignResult result)
    {
        Assert.That(result.Failures, Is.Empty);
        Assert.That(result.Lost, Is.Empty);
        Assert.That(result.Acknowledged, Is.GreaterThan(0), "nothing was acknowledged: the rounds proved nothing");
        Assert.That(result.Decrypted, Is.GreaterThanOrEqualTo(result.Acknowledged - result.Confirmed));
    }
}
