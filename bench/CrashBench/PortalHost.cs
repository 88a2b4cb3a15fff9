using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Bench.CrashBench;

/// <summary>
/// The real whistle-portal (copied next to this program by the project reference) as a demo-mode server on free
/// loopback ports, and its admin verbs as separate processes, with cheap proofs of work so load is not all hashing.
/// </summary>
internal sealed partial class PortalHost : IDisposable
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Portal__ProofOfWork__BaseBits"] = "4",
        ["Portal__ProofOfWork__MaxBits"] = "6",
    };

    private readonly Process process;

    private PortalHost(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "whistle-portal.dll");

    public static string Dotnet => System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Starts the server; null (with its stderr as Why) when it does not come up: a store that does not reopen.</summary>
    public static async Task<(PortalHost? Host, string Why)> StartAsync(string data, TimeSpan timeout)
    {
        var process = Process.Start(Info(["--data", data, "--port", "0", "--transfer-port", "0"]))!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        using var cancel = new CancellationTokenSource(timeout);
        var addresses = new List<string>();
        string? transfer = null;
        bool started = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
            {
                if (Listening().Match(line) is { Success: true } match)
                {
                    if (line.Contains("Transfer interface", StringComparison.Ordinal))
                    {
                        transfer = match.Value;
                    }
                    else
                    {
                        addresses.Add(match.Value);
                    }
                }

                started |= line.Contains("Application started", StringComparison.Ordinal);
                if (started && transfer is not null && addresses.Count == 2)
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    return (new PortalHost(process, new Uri(addresses.First(a => a != transfer) + "/")), "");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Kill(process);
        string why = await stderr;
        process.Dispose();
        return (null, why.Length > 0 ? why : "the portal did not start in time");
    }

    /// <summary>Runs an admin verb to its end (through the running server's socket, or on the store when none runs).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> VerbAsync(string data, params string[] args)
    {
        using var process = Process.Start(Info([.. args, "--data", data]))!;
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            return (-1, await stdout, "timed out: " + await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL, as the OOM killer or a crash would.</summary>
    public void Kill() => Kill(process);

    public void Dispose()
    {
        Kill(process);
        process.Dispose();
    }

    private static ProcessStartInfo Info(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static void Kill(Process process)
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
