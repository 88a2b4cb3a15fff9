using System.Diagnostics;

namespace WhistleSubmit.Bench.PortalLoad;

/// <summary>This disk's own rate of 4 KiB write + fsync, in the directory the portal's store uses: the ceiling for durable commits.</summary>
internal static class FsyncRate
{
    public static int Run(string directory, int seconds)
    {
        string path = Path.Combine(directory, "fsync-probe");
        byte[] block = new byte[4096];
        int count = 0;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1))
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                file.Position = 0;
                file.Write(block);
                file.Flush(flushToDisk: true);
                count++;
            }

            Console.WriteLine(FormattableString.Invariant($"fsync_per_s={count / clock.Elapsed.TotalSeconds:F0}"));
        }

        File.Delete(path);
        return 0;
    }
}
