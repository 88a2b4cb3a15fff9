using System.Security.Cryptography;
using WhistleSubmit.Storage.Tests.Support;

namespace WhistleSubmit.Storage.Tests;

/// <summary>
/// Power-loss simulation: only synced bytes (plus any subset of unsynced writes, possibly torn) survive each crash.
/// </summary>
public sealed class DurableStoreCrashTests
{
    [TestCase(1, 25, 8, Description = "frequent checkpoints (8 log pages): crashes inside checkpoints")]
    [TestCase(2, 25, 1000, Description = "default checkpoint size: crashes inside commits")]
    public void Write_RandomPowerLosses_EveryAcknowledgedInsertSurvives(int seed, int rounds, int checkpointPages)
    {
        // Arrange
        var random = new Random(seed);
        var key = RandomNumberGenerator.GetBytes(32);
        byte[] dataImage = [];
        byte[] logImage = [];
        var acknowledged = new List<int>();
        var nextId = 1;
        var crashes = 0;

        // Act
        for (var round = 0; round < rounds; round++)
        {
            var crashSwitch = new CrashSwitch();
            var data = new CrashSimStream(dataImage, crashSwitch);
            var log = new CrashSimStream(logImage, crashSwitch);
            var armAtOpen = round % 2 == 1;
            // Mostly short runs (crashes in commits and small checkpoints), sometimes long enough to finish a full
            // 1,000-page checkpoint.
            var budget = random.Next(4) == 0 ? random.Next(1, 6_000) : random.Next(1, 300);
            if (armAtOpen)
            {
                crashSwitch.Arm(budget);
            }

            try
            {
                var store = DurableStore.Open(data, log, key, checkpointPages);
                var missing = store.Read(db => Payloads.Missing(db, acknowledged));
                Assert.That(missing, Is.Empty, $"round {round}: acknowledged inserts lost");
                if (!armAtOpen)
                {
                    crashSwitch.Arm(budget);
                }

                while (true)
                {
                    var id = nextId++;
                    var size = random.Next(10) == 0 ? random.Next(20_000, 70_000) : random.Next(50, 3_000);
                    store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(id, size)));
                    acknowledged.Add(id);
                }
            }
            catch (Exception e) when (SimulatedCrashException.IsIn(e))
            {
                crashes++;
            }

            // The store is abandoned, as a dead process would leave it.
            dataImage = data.CrashImage(random);
            logImage = log.CrashImage(random);
        }

        // Assert
        using var final = DurableStore.Open(
            new CrashSimStream(dataImage, new CrashSwitch()), new CrashSimStream(logImage, new CrashSwitch()), key,
            checkpointPages);
        Assert.That(final.Read(db => Payloads.Missing(db, acknowledged)), Is.Empty);
        Assert.That(crashes, Is.EqualTo(rounds));
        Assert.That(acknowledged, Has.Count.GreaterThan(rounds));
        TestContext.Progress.WriteLine(
            $"crash simulation (seed {seed}, checkpoint {checkpointPages}): {rounds} power losses, " +
            $"{acknowledged.Count} acknowledged inserts, all present");
    }
}
