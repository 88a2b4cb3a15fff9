using WhistleSubmit.Bench.PortalLoad;

// portal-load fsync DIR SECONDS | load URL CLIENTS SECONDS BYTES | big URL BYTES PID — each prints one "key=value" line.
return args switch
{
    ["fsync", var dir, var seconds] => FsyncRate.Run(dir, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    ["load", var url, var clients, var seconds, var bytes] => await Load.RunAsync(new Uri(url), Int(clients), Int(seconds), Int(bytes)),
    ["big", var url, var bytes, var pid] => await BigUpload.RunAsync(new Uri(url), long.Parse(bytes, System.Globalization.CultureInfo.InvariantCulture), Int(pid)),
    _ => Usage(),
};

static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

static int Usage()
{
    Console.Error.WriteLine("usage: portal-load fsync DIR SECONDS | load URL CLIENTS SECONDS BYTES | big URL BYTES PID");
    return 2;
}
