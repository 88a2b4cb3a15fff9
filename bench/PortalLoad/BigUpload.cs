using System.Diagnostics;
using System.Globalization;

namespace WhistleSubmit.Bench.PortalLoad;

/// <summary>
/// One upload of BYTES (a real age header, then synthetic payload: the server checks the header shape only), in 4 MiB
/// chunks, while the server's resident memory is sampled from /proc every 100 ms.
/// </summary>
internal static class BigUpload
{
    private const int ChunkSize = 4 * 1024 * 1024;

    public static async Task<int> RunAsync(Uri url, long bytes, int serverPid)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(30) };
        byte[] header = Ciphertexts.Header(await Ciphertexts.RecipientsAsync(http));
        long rssBefore = RssKib(serverPid, "VmRSS:");
        long peak = rssBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, RssKib(serverPid, "VmRSS:"));
                await Task.Delay(100);
            }
        });
        var clock = Stopwatch.StartNew();
        string id = await Protocol.CreateAsync(http, bytes);
        byte[] chunk = new byte[ChunkSize];
        System.Security.Cryptography.RandomNumberGenerator.Fill(chunk);
        int count = (int)((bytes + ChunkSize - 1) / ChunkSize);
        for (int i = 0; i < count; i++)
        {
            int length = (int)Math.Min(ChunkSize, bytes - ((long)i * ChunkSize));
            if (i == 0)
            {
                header.CopyTo(chunk, 0);
            }

            await Protocol.PutAsync(http, id, i, chunk.AsMemory(0, length));
        }

        await Protocol.CompleteAsync(http, id);
        double seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"big_bytes={bytes} big_seconds={seconds:F1} big_mib_per_s={bytes / 1048576.0 / seconds:F1} rss_before_mib={rssBefore / 1024} rss_peak_mib={peak / 1024}"));
        return 0;
    }

    private static long RssKib(int pid, string field)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field, StringComparison.Ordinal))
            {
                return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
