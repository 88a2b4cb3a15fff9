using System.Collections.Concurrent;
using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>
/// Group commit: concurrent writers share log flushes, and still each one returns only once its own transaction is on
/// disk, power losses included.
/// </summary>
public sealed class DurableStoreGroupCommitTests
{
    private const int Writers = 8;

    [Test]
    public void Write_ConcurrentWritersWithSlowFsync_ShareFlushes()
    {
        // Arrange: each fsync takes 5 ms, so writers that commit meanwhile queue behind it.
        var data = new SlowFlushStream(TimeSpan.FromMilliseconds(5));
        var log = new SlowFlushStream(TimeSpan.FromMilliseconds(5));
        using var store = DurableStore.Open(data, log, RandomNumberGenerator.GetBytes(32), checkpointPages: 100_000);
        int before = log.FlushCount;
        const int perWriter = 25;

        // Act: dedicated threads, so all writers really run at once (the thread pool adds threads slowly).
        var threads = Enumerable.Range(0, Writers).Select(writer => new Thread(() =>
        {
            for (var n = 0; n < perWriter; n++)
            {
                var id = (writer * perWriter) + n + 1;
                store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(id, 200)));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Assert: a flush per commit would be two syncs per commit (the pages, then the grown length's record). How many
        // flushes are shared depends on the scheduler (a loaded CI machine shares fewer), so the bound is the property
        // itself, fewer syncs than unshared commits would take, not a ratio measured on a quiet machine.
        var syncs = log.FlushCount - before;
        TestContext.Progress.WriteLine($"{Writers * perWriter} commits, {syncs} log syncs");
        Assert.That(syncs, Is.LessThan(Writers * perWriter * 2));
        Assert.That(store.Read(db => Payloads.Missing(db, Enumerable.Range(1, Writers * perWriter))), Is.Empty);
    }

    [TestCase(5, 1000, false, Description = "default checkpoint size, unsynced writes partly survive")]
    [TestCase(6, 8, true, Description = "frequent checkpoints, only synced bytes survive")]
    public void Write_ConcurrentWritersWithRandomPowerLosses_EveryAcknowledgedInsertSurvives(int seed, int checkpointPages, bool onlySynced)
    {
        // Arrange
        const int rounds = 12;
        var random = new Random(seed);
        var key = RandomNumberGenerator.GetBytes(32);
        byte[] dataImage = [];
        byte[] logImage = [];
        var acknowledged = new ConcurrentBag<int>();
        var nextId = 0;

        // Act
        for (var round = 0; round < rounds; round++)
        {
            var crashSwitch = new CrashSwitch();
            var data = new CrashSimStream(dataImage, crashSwitch);
            var log = new CrashSimStream(logImage, crashSwitch);
            var store = DurableStore.Open(data, log, key, checkpointPages);
            Assert.That(store.Read(db => Payloads.Missing(db, acknowledged)), Is.Empty, $"round {round}: acknowledged inserts lost");
            crashSwitch.Arm(random.Next(20, 400));
            var sizes = Enumerable.Range(0, Writers).Select(_ => random.Next(50, 20_000)).ToArray();
            var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() =>
            {
                try
                {
                    while (true)
                    {
                        var id = Interlocked.Increment(ref nextId);
                        store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(id, sizes[w])));
                        acknowledged.Add(id);
                    }
                }
                catch (Exception e) when (SimulatedCrashException.IsIn(e))
                {
                    // The power went: this writer's last transaction was not acknowledged.
                }
            })).ToArray();
            Task.WaitAll(writers);

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
        Assert.That(acknowledged, Has.Count.GreaterThan(rounds));
        TestContext.Progress.WriteLine($"{rounds} power losses under {Writers} concurrent writers, {acknowledged.Count} acknowledged inserts, all present");
    }
}
