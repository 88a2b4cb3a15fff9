using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Bench.PortalLoad.Abuse;

/// <summary>
/// The real whistle-portal (dotnet whistle-portal.dll) on free loopback ports with its own data directory, returned once
/// both listeners are up; killed and its directory removed on dispose.
/// </summary>
public sealed partial class PortalHost : IDisposable
{
    private readonly Process process;

    private PortalHost(Process process, string data, Uri source, Uri transfer)
    {
        this.process = process;
        DataDirectory = data;
        Source = source;
        Transfer = transfer;
    }

    public Uri Source { get; }

    public Uri Transfer { get; }

    public string DataDirectory { get; }

    public int Pid => process.Id;

    public static async Task<PortalHost> StartAsync(string portalDll, string webRoot, IReadOnlyDictionary<string, string> settings)
    {
        string data = Directory.CreateTempSubdirectory("whistle-abuse-").FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { portalDll, "--data", data, "--port", "0", "--transfer-port", "0" })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["ASPNETCORE_WEBROOT"] = webRoot;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the portal");
        _ = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var listening = new List<Uri>();
        Uri? transfer = null;
        bool started = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    var uri = new Uri(match.Value + "/");
                    if (line.Contains("Transfer interface", StringComparison.Ordinal))
                    {
                        transfer = uri;
                    }
                    else
                    {
                        listening.Add(uri);
                    }
                }

                started |= line.Contains("Application started", StringComparison.Ordinal);
                if (started && transfer is not null && listening.Count == 2)
                {
                    _ = process.StandardOutput.ReadToEndAsync();
                    return new PortalHost(process, data, listening.Single(u => u != transfer), transfer);
                }
            }
        }
        catch
        {
            Kill(process, data);
            throw;
        }

        Kill(process, data);
        throw new InvalidOperationException("The portal did not start.");
    }

    public void Dispose() => Kill(process, DataDirectory);

    private static void Kill(Process process, string data)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
        Directory.Delete(data, recursive: true);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
