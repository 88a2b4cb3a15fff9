using System.Diagnostics;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// A whistle-review process started directly (no setsid in between), so a test can send it a signal or SIGKILL
/// it at a moment of its choosing. Its output is drained in the background; the passphrase comes from the vault's file.
/// </summary>
internal sealed class ConsoleProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private ConsoleProcess(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static ConsoleProcess Start(TestVault vault, params string[] args)
    {
        // Through env --default-signal: a test run started under nohup or as a background job hands its children
        // SIGHUP and SIGINT ignored, and an ignored signal stays ignored (the console, rightly, honours that). The
        // signal tests need what a reviewer's terminal gives. env execs, so the process id is the console's.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = vault.Directory.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--default-signal=HUP,INT,QUIT,TERM", WhistleReview.DotnetHost, WhistleReview.DllPath, "--data", vault.Root, "--as", TestVault.Actor }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["WHISTLE_REVIEW_PASSPHRASE_FILE"] = vault.PassphraseFile;
        start.Environment.Remove("WHISTLE_REVIEW_AS");
        foreach ((string name, string value) in vault.Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start whistle-review");
        process.StandardInput.Close();
        return new ConsoleProcess(process);
    }

    /// <summary>Sends a signal by name (TERM, INT, KILL, …) with util-linux kill.</summary>
    public void Signal(string name)
    {
        using Process kill = Process.Start("/bin/kill", ["-s", name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the process exits; true if it held first.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < (timeout ?? TimeSpan.FromMinutes(2)))
        {
            if (condition())
            {
                return true;
            }

            if (process.HasExited)
            {
                return condition();
            }

            Thread.Sleep(2);
        }

        return false;
    }

    public CliResult WaitForExit()
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("whistle-review did not finish in time");
        }

        return new CliResult(process.ExitCode, System.Text.Encoding.UTF8.GetBytes(stdout.Result), stderr.Result);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
