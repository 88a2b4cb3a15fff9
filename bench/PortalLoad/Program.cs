using WhistleSubmit.Bench.PortalLoad;

// portal-load fsync DIR SECONDS | load URL CLIENTS SECONDS BYTES | big URL BYTES PID | abuse PORTAL_DLL WEBROOT full|quick — each prints one "key=value" line.
return args switch
{
    ["fsync", var dir, var seconds] => FsyncRate.Run(dir, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    ["load", var url, var clients, var seconds, var bytes] => await Load.RunAsync(new Uri(url), Int(clients), Int(seconds), Int(bytes)),
    ["big", var url, var bytes, var pid] => await BigUpload.RunAsync(new Uri(url), long.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture), Int(pid)),
    ["abuse", var dll, var webRoot, var mode] when mode is "full" or "quick" => await Abuse(dll, webRoot, mode == "quick"),
    _ => Usage(),
};

static async Task<int> Abuse(string dll, string webRoot, bool quick)
{
    var settings = quick ? WhistleSubmit.Bench.PortalLoad.Abuse.AbuseHarness.Quick : WhistleSubmit.Bench.PortalLoad.Abuse.AbuseHarness.Full;
    var results = await WhistleSubmit.Bench.PortalLoad.Abuse.AbuseHarness.RunAsync(dll, webRoot, settings, Console.Out);
    return results.All(r => r.Legit.Succeeded && r.TransferReachable) ? 0 : 1;
}

static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: portal-load fsync DIR SECONDS | load URL CLIENTS SECONDS BYTES | big URL BYTES PID | abuse PORTAL_DLL WEBROOT full|quick");
    return 2;
}
