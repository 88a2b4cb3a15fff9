using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Tests.Admin;

/// <summary>The real whistle-portal executable (the build output copied next to the tests), as a server or a verb.</summary>
internal sealed partial class PortalProcess : IDisposable
{
    private readonly Process process;

    private PortalProcess(Process process, Uri address, Uri transferAddress)
    {
        this.process = process;
        Address = address;
        TransferAddress = transferAddress;
    }

    /// <summary>The source side.</summary>
    public Uri Address { get; }

    /// <summary>The reviewers' transfer listener.</summary>
    public Uri TransferAddress { get; }

    public int Id => process.Id;

    public static async Task<PortalProcess> StartServerAsync(string dataDirectory, params string[] extra)
    {
        var process = Process.Start(Info(["--data", dataDirectory, "--port", "0", "--transfer-port", "0", .. extra]))!;
        _ = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var listening = new List<Uri>();
        Uri? transfer = null;
        bool started = false;
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
                return new PortalProcess(process, listening.Single(u => u != transfer), transfer);
            }
        }

        throw new InvalidOperationException("The portal did not start.");
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunVerbAsync(string dataDirectory, params string[] args)
    {
        using var process = Process.Start(Info([.. args, "--data", dataDirectory]))!;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private static ProcessStartInfo Info(string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "whistle-portal.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portal__ProofOfWork__BaseBits"] = "4";
        start.Environment["Portal__ProofOfWork__MaxBits"] = "6";
        start.Environment["Portal__Transfer__Argon2MemoryKiB"] = "256";
        start.Environment["Portal__Transfer__Argon2Iterations"] = "1";
        return start;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
