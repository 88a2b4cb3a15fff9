using System.Diagnostics;

namespace WhistleSubmit.Bench.PortalLoad;

/// <summary>CLIENTS concurrent sources submitting BYTES-long ciphertexts for SECONDS; each latency is create → 201.</summary>
internal static class Load
{
    public static async Task<int> RunAsync(Uri url, int clients, int seconds, int bytes)
    {
        using var setup = new HttpClient { BaseAddress = url };
        var recipients = await Ciphertexts.RecipientsAsync(setup);
        var files = Enumerable.Range(0, 16).Select(_ => Ciphertexts.Exactly(recipients, bytes)).ToArray();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        int failures = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var http = new HttpClient { BaseAddress = url };
            for (int n = 0; clock.Elapsed < deadline; n++)
            {
                byte[] file = files[(c + n) % files.Length];
                long start = Stopwatch.GetTimestamp();
                try
                {
                    string id = await Protocol.CreateAsync(http, file.Length);
                    await Protocol.PutAsync(http, id, 0, file);
                    await Protocol.CompleteAsync(http, id);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        double elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        Console.WriteLine(FormattableString.Invariant(
            $"accepted={sorted.Length} failed={failures} seconds={elapsed:F1} accepted_per_s={sorted.Length / elapsed:F1} p50_ms={P(0.50):F1} p99_ms={P(0.99):F1}"));
        return failures == 0 ? 0 : 1;
    }
}
