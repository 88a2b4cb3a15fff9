using System.Diagnostics;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration.Team;

namespace WhistleSubmit.Bench.CrashBench;

/// <summary>
/// Rounds of: start the real portal on the same data directory (the store must reopen clean), check that everything
/// acknowledged before is still there, then load it with concurrent sources (single- and multi-chunk uploads) and an
/// operator (export, confirm with compaction, import replies) and kill it (or cut the power) at a random moment.
/// </summary>
public sealed class Campaign(CampaignOptions options)
{
    private readonly Ledger ledger = new();
    private readonly List<string> failures = [];
    private readonly List<string> lost = [];
    private readonly Random random = new(options.Seed);
    private readonly HashSet<string> checkedBundles = [];
    private int cutRequests;
    private int cutVerbs;
    private int repliesAcknowledged;

    public async Task<CampaignResult> RunAsync(string scratch)
    {
        var clock = Stopwatch.StartNew();
        using var power = options.PowerCut ? new PowerCut(scratch, 1L << 30) : null;
        string data = Path.Combine(power?.MountPoint ?? scratch, "data");
        string work = Directory.CreateDirectory(Path.Combine(scratch, "work")).FullName;
        Operator? operatorSide = null;
        TeamSigningKey? team = null;
        int round = 0;
        try
        {
            for (; round <= options.Rounds; round++)
            {
                var (host, why) = await PortalHost.StartAsync(data, TimeSpan.FromMinutes(3));
                if (host is null)
                {
                    failures.Add($"round {round}: the store did not reopen: {why.Trim()}");
                    break;
                }

                using (host)
                {
                    if (operatorSide is null)
                    {
                        // The demo keys the portal made on its first start: the console's side in this campaign.
                        using var identities = File.OpenText(Path.Combine(data, "demo-reviewer-identity.txt"));
                        var reviewer = AgeKeys.ParseIdentitiesFile(identities);
                        team = DemoTeamKey.LoadOrCreate(Path.Combine(data, "demo-team-key.txt"), TimeProvider.System);
                        operatorSide = new Operator(data, work, ledger, reviewer, team);
                    }

                    await VerifyAsync(operatorSide, round);
                    if (round == options.Rounds || failures.Count > 0 || lost.Count > 0)
                    {
                        break;
                    }

                    await LoadThenKillAsync(host, operatorSide, power, round);
                }

                power?.Restore();
            }
        }
        finally
        {
            team?.Dispose();
        }

        foreach (string receipt in ledger.MustHold.Where(r => !ledger.Exported.ContainsKey(r)))
        {
            lost.Add($"item {receipt}: acknowledged, never confirmed, and not in any export");
        }

        return new CampaignResult
        {
            Rounds = Math.Min(round, options.Rounds),
            Acknowledged = ledger.Acknowledged.Count,
            Confirmed = ledger.Confirmed.Count,
            RepliesAcknowledged = repliesAcknowledged,
            Decrypted = operatorSide?.Decrypted ?? 0,
            CutRequests = cutRequests,
            CutVerbs = cutVerbs,
            Elapsed = clock.Elapsed,
            Lost = lost,
            Failures = failures,
        };
    }

    // After a restart: export what waits (each item hash-checked and decrypted), the store's count holds every
    // acknowledged, unconfirmed item, and every completed replies import is still there.
    private async Task VerifyAsync(Operator side, int round)
    {
        int mustHold = ledger.MustHold.Count();
        int held = await side.SubmissionsAsync();
        if (held < mustHold)
        {
            lost.Add($"round {round}: the store holds {held} submissions, {mustHold} acknowledged and unconfirmed");
        }

        if (await side.ExportAsync(failures) is null)
        {
            failures.Add($"round {round}: export after restart failed");
        }

        // Re-importing every bundle after every restart would grow the rounds without end: the ones the last round
        // imported and two older ones at random, and all of them at the end.
        var bundles = ledger.RepliesBundles.ToArray();
        var fresh = bundles.Where(b => !checkedBundles.Contains(b.Key)).ToHashSet();
        var check = round == options.Rounds ? bundles
            : [.. fresh, .. bundles.Except(fresh).OrderBy(_ => random.Next()).Take(2)];
        foreach (var (path, count) in check)
        {
            await side.CheckRepliesAsync(path, count, lost);
            checkedBundles.Add(path);
        }

        options.Log?.WriteLine($"round {round}: reopened; {ledger.Acknowledged.Count} acknowledged, {held} held, {ledger.Confirmed.Count} confirmed, {side.Decrypted} decrypted, {ledger.RepliesBundles.Values.Sum()} replies");
    }

    private async Task LoadThenKillAsync(PortalHost host, Operator side, PowerCut? power, int round)
    {
        using var stop = new CancellationTokenSource();
        int before = ledger.Acknowledged.Count;
        var sources = Enumerable.Range(0, options.Sources).Select(i => Task.Run(() => SourceLoopAsync(host, round * 1000 + i, stop.Token))).ToList();
        var operatorLoop = Task.Run(() => OperatorLoopAsync(side, round, stop.Token));

        // Kill at a random moment after this round's first acknowledgement: on a loaded machine a fixed delay could
        // end rounds before anything was acknowledged, and prove nothing.
        for (int waited = 0; ledger.Acknowledged.Count == before && waited < 1200; waited++)
        {
            await Task.Delay(100);
        }

        int delay;
        lock (random)
        {
            delay = random.Next(options.MaxKillDelayMs);
        }

        await Task.Delay(delay);
        power?.Cut();
        host.Kill();
        await stop.CancelAsync();
        await Task.WhenAll([.. sources, operatorLoop]);
    }

    private async Task SourceLoopAsync(PortalHost host, int seed, CancellationToken stop)
    {
        var random = new Random(seed ^ options.Seed);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromMinutes(2) };
        var config = await RecipientAsync(http);
        if (config is null)
        {
            return;
        }

        var source = new Source(http, config);
        while (!stop.IsCancellationRequested)
        {
            // Mostly small reports, one in four a file of several 4 MiB chunks.
            int size = random.Next(4) == 0 ? random.Next(4 << 20, options.MaxPlaintextBytes) : random.Next(100, 200_000);
            try
            {
                var (receipt, token, sha) = await source.SubmitAsync(size, CancellationToken.None);
                ledger.Acknowledged[receipt] = sha;
                ledger.Tokens.Add(token);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
            {
                // The portal died under this request.
                Interlocked.Increment(ref cutRequests);
                return;
            }
        }
    }

    private async Task OperatorLoopAsync(Operator side, int round, CancellationToken stop)
    {
        var random = new Random(round ^ options.Seed);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(100, 1500), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            bool ok;
            if (random.Next(3) == 0 && ledger.Tokens.Count > 0)
            {
                var tokens = ledger.Tokens.ToArray();
                var chosen = Enumerable.Range(0, random.Next(1, 4)).Select(_ => tokens[random.Next(tokens.Length)]).Distinct().ToList();
                ok = await side.ImportRepliesAsync(chosen);
                if (ok)
                {
                    Interlocked.Add(ref repliesAcknowledged, chosen.Count);
                }
            }
            else
            {
                var export = await side.ExportAsync(failures);
                ok = export is not null;
                if (export is { Items.Count: > 0 } bundle)
                {
                    // Confirm about half of it: deletion and compaction under load.
                    var chosen = bundle.Items.Where(_ => random.Next(2) == 0).ToList();
                    if (chosen.Count > 0)
                    {
                        await side.ConfirmAsync(bundle.Sha256, chosen);
                    }
                }
            }

            if (!ok)
            {
                Interlocked.Increment(ref cutVerbs);
            }
        }
    }

    private static async Task<IRecipient?> RecipientAsync(HttpClient http)
    {
        try
        {
            var config = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(http, new Uri("/api/config", UriKind.Relative));
            string script = await http.GetStringAsync(new Uri("/js/team.js", UriKind.Relative));
            var team = WhistleSubmit.Crypto.Signing.TeamPublicKey.Parse(script.Split('"')[1]);
            byte[] envelope = System.Text.Encoding.UTF8.GetBytes(config!["recipientSet"]!.GetValue<string>());
            return WhistleSubmit.Crypto.Signing.RecipientSet.Open(envelope, team).Recipients.Select(AgeKeys.ParseRecipient).Single();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return null;
        }
    }
}
