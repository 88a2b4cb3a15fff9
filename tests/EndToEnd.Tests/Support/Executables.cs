using System.Diagnostics;
using System.Text.RegularExpressions;

namespace WhistleSubmit.EndToEnd.Tests.Support;

/// <summary>
/// The two real executables as copied next to the tests by the ProjectReferences: whistle-review (its verbs, with a
/// passphrase file) and whistle-portal (its admin verbs, and the server itself with a random port).
/// </summary>
internal static partial class Executables
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static (int ExitCode, string Stdout, string Stderr) Run(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        ProcessStartInfo start = Info(dll, args, environment);
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{dll} {string.Join(' ', args)} did not finish");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a verb and fails the test with its stderr unless it exits 0; returns stdout.</summary>
    public static string Succeed(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exit, stdout, stderr) = Run(dll, args, environment);
        Assert.That(exit, Is.Zero, $"{Path.GetFileNameWithoutExtension(dll)} {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    /// <summary>Starts the portal server and returns it with its address once it listens.</summary>
    public static async Task<(Process Server, Uri Address)> StartPortalAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var process = Process.Start(Info("whistle-portal.dll", args, environment))!;
        _ = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        // Kestrel announces both listeners ("Now listening on"), and the portal names the reviewers' transfer
        // listener on a line of its own: the source side is the other address.
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
                _ = process.StandardOutput.ReadToEndAsync();
                return (process, listening.Single(u => u != transfer));
            }
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The portal did not start.");
    }

    private static ProcessStartInfo Info(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        args.ToList().ForEach(start.ArgumentList.Add);
        start.Environment.Remove("WHISTLE_REVIEW_PASSPHRASE_FILE");
        start.Environment.Remove("WHISTLE_REVIEW_AS");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
