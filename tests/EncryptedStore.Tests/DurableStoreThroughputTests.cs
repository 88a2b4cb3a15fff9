using System.Diagnostics;
using System.Security.Cryptography;
using WhistleSubmit.EncryptedStore.Tests.Support;

namespace WhistleSubmit.EncryptedStore.Tests;

/// <summary>Measures, never asserts: durable 64 KiB inserts per second against the disk's raw fsync rate.</summary>
public sealed class DurableStoreThroughputTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(2);

    [Test]
    [Category("Measurement")]
    public void Write_64KiBInserts_ReportsRateAgainstRawFsync()
    {
        // Arrange
        var directory = new TempDirectory("ws-storage-tests-").Path;
        try
        {
            var fsyncs = RawFsyncsPerSecond(Path.Combine(directory, "fsync.probe"));
            using var store = DurableStore.Open(directory, RandomNumberGenerator.GetBytes(32));

            // Act (after a warm-up, so JIT time is not counted)
            for (var warm = -20; warm < 0; warm++)
            {
                var id = warm;
                store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(id, 64 * 1024)));
            }

            var inserts = 0;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < Duration)
            {
                var id = ++inserts;
                store.Write(db => db.GetCollection(Payloads.Collection).Insert(Payloads.Document(id, 64 * 1024)));
            }

            var rate = inserts / clock.Elapsed.TotalSeconds;
            var cpuOnly = PlainLiteDbInMemoryPerSecond();

            // Assert (reported only)
            TestContext.Progress.WriteLine(
                $"durable 64 KiB inserts: {rate:F0}/s; raw fsync (4 KiB write + fsync): {fsyncs:F0}/s; " +
                $"ratio {rate / fsyncs:F2}; CPU baseline, plain LiteDB in memory (no crypto, no fsync): {cpuOnly:F0}/s");
            Assert.That(inserts, Is.Positive);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Opening reads every page slot's header to rebuild the page table a commit binds (docs/ARCHITECTURE.md).
    [Test]
    [Category("Measurement")]
    public void Open_StoreOf128MiB_ReportsOpenTime()
    {
        // Arrange
        var directory = new TempDirectory("ws-storage-tests-").Path;
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using (var store = DurableStore.Open(directory, key))
            {
                for (var batch = 0; batch < 32; batch++)
                {
                    var first = batch * 64;
                    store.Write(db => db.GetCollection(Payloads.Collection).Insert(
                        Enumerable.Range(first, 64).Select(id => Payloads.Document(id, 64 * 1024))));
                }
            }

            // Act
            var clock = Stopwatch.StartNew();
            using (DurableStore.Open(directory, key))
            {
                clock.Stop();
            }

            // Assert (reported only)
            var bytes = new FileInfo(Path.Combine(directory, DurableStore.DataFileName)).Length;
            TestContext.Progress.WriteLine(
                $"open of a {bytes >> 20} MiB data file (page cache warm): {clock.Elapsed.TotalMilliseconds:F0} ms");
            Assert.That(bytes, Is.GreaterThan(100L << 20));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static double PlainLiteDbInMemoryPerSecond()
    {
        using var db = new LiteDB.LiteDatabase(new MemoryStream(), null, new MemoryStream());
        for (var warm = -20; warm < 0; warm++)
        {
            db.GetCollection(Payloads.Collection).Insert(Payloads.Document(warm, 64 * 1024));
        }

        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Duration)
        {
            db.BeginTrans();
            db.GetCollection(Payloads.Collection).Insert(Payloads.Document(++count, 64 * 1024));
            db.Commit();
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static double RawFsyncsPerSecond(string path)
    {
        var block = RandomNumberGenerator.GetBytes(4096);
        using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1);
        var count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Duration)
        {
            file.Position = 0;
            file.Write(block);
            file.Flush(flushToDisk: true);
            count++;
        }

        return count / clock.Elapsed.TotalSeconds;
    }
}
