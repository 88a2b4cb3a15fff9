using System.Diagnostics;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// Runs the real whistle-review executable (copied next to the tests by the ProjectReference) as a child process,
/// so the tests see exactly what a reviewer or script sees: exit code, stdout bytes, stderr text.
/// </summary>
internal static class WhistleReview
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string DllPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "whistle-review.dll");

    /// <summary>The dotnet host the test runner itself uses, so no other SDK on PATH gets involved.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// util-linux setsid detaches the child from any controlling terminal, so a passphrase prompt on /dev/tty fails
    /// fast instead of waiting for a developer who runs the tests in a terminal. PtySession covers the terminal.
    /// </summary>
    private const string Setsid = "/usr/bin/setsid";

    /// <param name="tracer">If not empty, a command line the dotnet host runs under (e.g. strace and its options).</param>
    public static CliResult Run(string workingDirectory, IEnumerable<string> args, byte[]? stdin = null, string? passphraseFile = null,
        IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? tracer = null)
    {
        bool detach = File.Exists(Setsid);
        tracer ??= [];
        var start = new ProcessStartInfo(detach ? Setsid : tracer.Count > 0 ? tracer[0] : DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (detach)
        {
            start.ArgumentList.Add("--wait"); // keep the exit code
        }

        foreach (string word in detach ? tracer : tracer.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        if (detach || tracer.Count > 0)
        {
            start.ArgumentList.Add(DotnetHost);
        }

        start.ArgumentList.Add(DllPath);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Never inherit a passphrase file (nor a shared vault's holders) from the environment running the tests.
        start.Environment.Remove("WHISTLE_REVIEW_PASSPHRASE_FILE");
        start.Environment.Remove("WHISTLE_REVIEW_HOLDERS");
        for (int holder = 2; holder <= 16; holder++)
        {
            start.Environment.Remove($"WHISTLE_REVIEW_PASSPHRASE_FILE_{holder}");
        }

        if (passphraseFile is not null)
        {
            start.Environment["WHISTLE_REVIEW_PASSPHRASE_FILE"] = passphraseFile;
        }

        start.Environment.Remove("WHISTLE_REVIEW_AS");
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start whistle-review");
        using var stdout = new MemoryStream();
        Task copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task<string> readErr = process.StandardError.ReadToEndAsync();
        try
        {
            if (stdin is not null)
            {
                process.StandardInput.BaseStream.Write(stdin);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool may exit (e.g. on a usage error) before reading its input; that is its answer.
        }

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("whistle-review did not finish in time");
        }

        Task.WaitAll(copyOut, readErr);
        return new CliResult(process.ExitCode, stdout.ToArray(), readErr.Result);
    }

    public static CliResult Run(string workingDirectory, params string[] args) => Run(workingDirectory, args, null, null);
}
