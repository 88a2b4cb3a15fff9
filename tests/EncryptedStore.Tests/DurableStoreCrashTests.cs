using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>
/// Power-loss simulation: only synced bytes (plus any subset of unsynced writes, possibly torn) survive each crash.
/// </summary>
public sealed class DurableStoreCrashTests
{
    [TestCase(1, 25, 8, false, Description = "frequent checkpoints (8 log pages), unsynced writes partly survive")]
    [TestCase(2, 25, 1000, false, Description = "default checkpoint size, unsynced writes partly survive")]
    [TestCase(3, 20, 8, true, Description = "frequent checkpoints, only synced bytes survive")]
    public void Write_RandomPowerLosses_EveryAcknowledgedInsertSurvives(
        int seed, int rounds, int checkpointPages, bool onlySynced)
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

            DurableStore? store = null;
            try
            {
                store = DurableStore.Open(data, log, key, checkpointPages);
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
            AbandonedStores.Keep(store);
            dataImage = data.CrashImage(random, onlySynced);
            logImage = log.CrashImage(random, onlySynced);
        }

        // Assert
        using var final = DurableStore.Open(
            new CrashSimStream(dataImage, new CrashSwitch()), new CrashSimStream(logImage, new CrashSwitch()), key,
            checkpointPages);
        Assert.That(final.Read(db => Payloads.Missing(db, acknowledged)), Is.Empty);
        Assert.That(crashes, Is.EqualTo(rounds));
        Assert.That(acknowledged, Has.Count.GreaterThan(rounds));
        TestContext.Progress.WriteLine(
            $"crash simulation (seed {seed}, checkpoint {checkpointPages}, only synced {onlySynced}): " +
            $"{rounds} power losses, " +
            $"{acknowledged.Count} acknowledged inserts, all present");
    }

    // Negative control: the simulation does catch a missing fsync. Plain LiteDB never syncs its log, so after a power
    // loss its committed inserts are gone.
    [Test]
    public void PlainLiteDb_PowerLossWithOnlySyncedBytes_LosesCommittedInserts()
    {
        // Arrange
        var data = new CrashSimStream([], new CrashSwitch());
        var log = new CrashSimStream([], new CrashSwitch());
        using (var db = new LiteDB.LiteDatabase(data, null, log))
        {
            for (var id = 1; id <= 20; id++)
            {
                db.BeginTrans();
                db.GetCollection(Payloads.Collection).Insert(Payloads.Document(id, 100));
                db.Commit();
            }

            // Act: power loss before any checkpoint (the database object is abandoned, not disposed).
            var random = new Random(4);
            var dataImage = new MemoryStream(data.CrashImage(random, onlySynced: true));
            var logImage = new MemoryStream(log.CrashImage(random, onlySynced: true));
            using var reopened = new LiteDB.LiteDatabase(dataImage, null, logImage);

            // Assert
            Assert.That(reopened.GetCollection(Payloads.Collection).Count(), Is.LessThan(20));
        }
    }
}
