using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>Real processes: SIGKILL at random moments (invariant 3), and the one-writer lock across processes.</summary>
public sealed class DurableStoreKillTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private string _directory = "";
    private byte[] _key = [];

    [SetUp]
    public void SetUp()
    {
        _directory = new TempDirectory("ws-storage-tests-").Path;
        _key = RandomNumberGenerator.GetBytes(32);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Kill_AtRandomMoments_EveryAcknowledgedInsertSurvives()
    {
        // Arrange
        const int rounds = 6;
        var random = new Random(7);
        var acknowledged = new List<int>();

        for (var round = 0; round < rounds; round++)
        {
            // Act: each round gets its own id range, since the insert in flight at the kill may or may not be kept.
            using var host = CrashHostProcess.Start(_directory, _key, (round + 1) * 1_000_000);
            Assert.That(host.WaitUntilReady(StartTimeout), Is.True, $"round {round}: crash host did not start");
            Thread.Sleep(random.Next(300, 2_000));
            var acked = host.KillAndCollectAcknowledged();
            acknowledged.AddRange(acked);

            // Assert
            using var store = DurableStore.Open(_directory, _key);
            Assert.That(store.Read(db => Payloads.Missing(db, acknowledged)), Is.Empty, $"round {round}");
            TestContext.Progress.WriteLine($"kill round {round}: {acked.Count} acknowledged, all present");
        }

        Assert.That(acknowledged, Is.Not.Empty);
    }

    [Test]
    public void Open_WhileAnotherProcessHoldsTheStore_ThrowsStoreLockedUntilItDies()
    {
        // Arrange
        using var host = CrashHostProcess.Start(_directory, _key, 1);
        Assert.That(host.WaitUntilReady(StartTimeout), Is.True, "crash host did not start");

        // Act / Assert
        Assert.That(() => DurableStore.Open(_directory, _key), Throws.TypeOf<StoreLockedException>());
        host.KillAndCollectAcknowledged();
        Assert.That(() => DurableStore.Open(_directory, _key).Dispose(), Throws.Nothing);
    }
}
