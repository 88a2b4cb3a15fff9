using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>Real processes: SIGKILL at random moments (invariant 3), and the one-writer lock across processes.</summary>
public sealed class DurableStoreKillTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private string directory = "";
    private byte[] key = [];

    [SetUp]
    public void SetUp()
    {
        directory = new TempDirectory("ws-storage-tests-").Path;
        key = RandomNumberGenerator.GetBytes(32);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(directory, recursive: true);

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
            using var host = CrashHostProcess.Start(directory, key, (round + 1) * 1_000_000);
            Assert.That(host.WaitUntilReady(StartTimeout), Is.True, $"round {round}: crash host did not start");
            Thread.Sleep(random.Next(300, 2_000));
            var acked = host.KillAndCollectAcknowledged();
            acknowledged.AddRange(acked);

            // Assert
            using var store = DurableStore.Open(directory, key);
            Assert.That(store.Read(db => Payloads.Missing(db, acknowledged)), Is.Empty, $"round {round}");
            TestContext.Progress.WriteLine($"kill round {round}: {acked.Count} acknowledged, all present");
        }

        Assert.That(acknowledged, Is.Not.Empty);
    }

    [Test]
    public void Open_WhileAnotherProcessHoldsTheStore_ThrowsStoreLockedUntilItDies()
    {
        // Arrange
        using var host = CrashHostProcess.Start(directory, key, 1);
        Assert.That(host.WaitUntilReady(StartTimeout), Is.True, "crash host did not start");

        // Act / Assert
        Assert.That(() => DurableStore.Open(directory, key), Throws.TypeOf<StoreLockedException>());
        host.KillAndCollectAcknowledged();
        Assert.That(() => DurableStore.Open(directory, key).Dispose(), Throws.Nothing);
    }
}
