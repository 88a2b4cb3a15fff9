using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WhistleSubmit.TestSupport;

/// <summary>
/// The real whistle-portal executable (the build output copied next to the tests) started as a server on free ports,
/// returned once it listens. Kestrel announces both listeners ("Now listening on"), and the portal names the
/// reviewers' transfer listener on a line of its own: the source side is the other address.
/// </summary>
public sealed partial class PortalServer : IDisposable
{
    public const string Dll = "whistle-portal.dll";

    private readonly Process process;

    private PortalServer(Process process, Uri address, Uri transferAddress)
    {
        this.process = process;
        Address = address;
        TransferAddress = transferAddress;
    }

    /// <summary>The source side.</summary>
    public Uri Address { get; }

    /// <summary>The reviewers' transfer listener.</summary>
    public Uri TransferAddress { get; }

    public Process Process => process;

    /// <summary>dotnet, as the test host was started with it (so a CI's own SDK is used).</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// A start of whistle-portal with <paramref name="arguments"/>, never inheriting ASPNETCORE_URLS, with the repository's
    /// web root (the portal refuses to start without one) unless <paramref name="environment"/> names ASPNETCORE_WEBROOT.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = ProcessRunner.StartInfo(Dotnet, [Path.Combine(AppContext.BaseDirectory, Dll), .. arguments], environment);
        info.Environment.Remove("ASPNETCORE_URLS");
        if (environment?.ContainsKey(WebRootVariable) != true)
        {
            info.Environment[WebRootVariable] = WebRoot();
        }

        return info;
    }

    public const string WebRootVariable = "ASPNETCORE_WEBROOT";

    /// <summary>The portal's committed web root (pages' script bundle), found from the test's directory upwards.</summary>
    public static string WebRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WhistleSubmit.sln")))
            {
                return Path.Combine(dir.FullName, "src", "Portal", "wwwroot");
            }
        }

        throw new InvalidOperationException("the repository root (WhistleSubmit.sln) was not found");
    }

    public static async Task<PortalServer> StartAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the portal");
        _ = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
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
                    // Keep draining stdout so the server never blocks on a full pipe.
                    _ = process.StandardOutput.ReadToEndAsync();
                    return new PortalServer(process, listening.Single(u => u != transfer), transfer);
                }
            }
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }

        Stop(process);
        process.Dispose();
        throw new InvalidOperationException("The portal did not start.");
    }

    public void Kill() => Stop(process);

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
