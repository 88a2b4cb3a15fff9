using System.Globalization;

namespace WhistleSubmit.Bench.PortalLoad.Abuse;

/// <summary>
/// The abuse campaign of issue 15 (bench/README.md, "Abuse"): for each attack a fresh portal, the attack started and
/// given a head start, then one legitimate submission of LegitBytes timed while the attack goes on, and the reviewers'
/// transfer login page fetched; the same submission without any attack first, as the baseline.
/// </summary>
public static class AbuseHarness
{
    public sealed record Settings(long LegitBytes, TimeSpan HeadStart, int Connections, int NoJsAttachmentBytes, bool Quick);

    public sealed record Result(string Attack, LegitSource.Outcome Legit, double Ratio, long AttackerCount, string AttackerUnit, bool TransferReachable);

    private sealed record Attack(string Name, string Unit, Func<Uri, Attacks.Tally, CancellationToken, Task> Run);

    public static Settings Full => new(256L << 20, TimeSpan.FromSeconds(20), 2000, 32 << 20, Quick: false);

    public static Settings Quick => new(2L << 20, TimeSpan.FromSeconds(2), 200, 1 << 20, Quick: true);

    /// <summary>Portal settings: production limits except where a quick (CI) run needs cheap proofs of work and tickets.</summary>
    public static Dictionary<string, string> PortalSettings(Settings s) => s.Quick
        ? new()
        {
            ["Portal__ProofOfWork__BaseBits"] = "4",
            ["Portal__ProofOfWork__MaxBits"] = "10",
            ["Portal__NoJs__FormTokenMinAgeSeconds"] = "1",
            ["Portal__SourceMaxConnections"] = "100",
        }
        : new()
        {
            // A quota the reservation flood could fill in seconds before (8 uploads of 2 GiB), and this disk can hold.
            ["Portal__Store__GlobalQuotaBytes"] = (16L << 30).ToString(CultureInfo.InvariantCulture),
        };

    public static async Task<IReadOnlyList<Result>> RunAsync(string portalDll, string webRoot, Settings s, TextWriter output)
    {
        int connections = s.Connections;
        var attacks = new List<Attack>
        {
            new("none (baseline)", "-", (_, _, _) => Task.CompletedTask),
            new("reserve: largest uploads, never sent", "uploads created", Attacks.ReserveFloodAsync),
            new("tiny uploads, never sent", "uploads created", Attacks.TinyFloodAsync),
            new("16 slow PUTs of chunk 0, one upload", "bodies started", (u, t, c) => Attacks.SlowPutsAsync(u, 16, sameUpload: true, 128, t, c)),
            new("16 slow PUTs, 16 uploads, 10 KiB/s", "bodies started", (u, t, c) => Attacks.SlowPutsAsync(u, 16, sameUpload: false, 10 * 1024, t, c)),
            new($"{connections} idle/slowloris connections", "connections opened", (u, t, c) => Attacks.ConnectionFloodAsync(u, connections, t, c)),
            new($"{connections / 4} slow readers", "connections opened", (u, t, c) => Attacks.SlowReadersAsync(u, connections / 4, t, c)),
            new("no-JS posts, 8 workers", "posts answered", (u, t, c) => Attacks.NoJsFloodAsync(u, 8, s.NoJsAttachmentBytes, s.Quick ? 1 : 5, t, c)),
        };

        var results = new List<Result>();
        double baseline = 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"abuse: legitimate submission {s.LegitBytes >> 20} MiB, attack head start {s.HeadStart.TotalSeconds:F0} s, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        output.WriteLine("| attack | legit | seconds | × baseline | retries | attacker | transfer login |");
        output.WriteLine("|---|---|---:|---:|---:|---|---|");
        foreach (var attack in attacks)
        {
            using var host = await PortalHost.StartAsync(portalDll, webRoot, PortalSettings(s));
            var tally = new Attacks.Tally();
            using var stop = new CancellationTokenSource();
            var running = attack.Run(host.Source, tally, stop.Token);
            await Task.WhenAny(running, Task.Delay(s.HeadStart));
            var timeout = baseline > 0 ? TimeSpan.FromSeconds(Math.Max(60, baseline * 10)) : TimeSpan.FromMinutes(10);
            var legit = await LegitSource.SubmitAsync(host.Source, s.LegitBytes, timeout);
            bool transfer = await TransferReachableAsync(host.Transfer);
            await stop.CancelAsync();
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(15)));
            if (baseline == 0)
            {
                baseline = legit.Seconds;
            }

            var result = new Result(attack.Name, legit, legit.Seconds / baseline, tally.Count, attack.Unit, transfer);
            results.Add(result);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {attack.Name} | {(legit.Succeeded ? "ok" : "FAILED: " + legit.Detail)} | {legit.Seconds:F1} | {result.Ratio:F2} | {legit.Retries} | {tally.Count} {attack.Unit} | {(transfer ? "ok" : "FAILED")} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"abuse: goal (every legitimate submission succeeds, at most 2x the baseline): {(results.All(r => r.Legit.Succeeded && r.Ratio <= 2) ? "met" : "NOT met")}; load average after {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return results;
    }

    private static async Task<bool> TransferReachableAsync(Uri transfer)
    {
        using var http = new HttpClient { BaseAddress = transfer, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.GetAsync(new Uri("/en/transfer/login", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
