using System.Diagnostics;
using System.Text;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// Runs whistle-review on a pseudo-terminal through util-linux <c>script -qec</c>, so that its stdin, stdout and
/// stderr are a terminal as for a reviewer at the keyboard. <see cref="Screen"/> is everything the terminal showed.
/// </summary>
internal sealed class PtySession : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly Process process;
    private readonly StringBuilder screen = new();
    private readonly Task reader;

    private PtySession(Process process)
    {
        this.process = process;
        reader = Task.Run(ReadScreen);
    }

    public static bool IsAvailable => OperatingSystem.IsLinux() && File.Exists("/usr/bin/script");

    public string Screen
    {
        get
        {
            lock (screen)
            {
                return screen.ToString();
            }
        }
    }

    /// <param name="stdoutFile">When set, stdout goes to this file (shell "&gt;"); stderr stays on the terminal.</param>
    /// <param name="stdinFile">When set, stdin comes from this file (shell "&lt;"); /dev/tty is still the terminal.</param>
    /// <param name="environment">Variables set for the console (and the script wrapper around it).</param>
    public static PtySession Start(string workingDirectory, IEnumerable<string> args, string? stdoutFile = null, string? stdinFile = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        string command = string.Join(' ', new[] { WhistleReview.DotnetHost, WhistleReview.DllPath }.Concat(args).Select(Quote));
        if (stdoutFile is not null)
        {
            command += " > " + Quote(stdoutFile);
        }

        if (stdinFile is not null)
        {
            command += " < " + Quote(stdinFile);
        }

        var start = new ProcessStartInfo("/usr/bin/script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -q: no banner, -e: return the child's exit code, -c: run this command; /dev/null: no typescript file.
        foreach (string arg in new[] { "-qec", command, "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("WHISTLE_REVIEW_PASSPHRASE_FILE");
        start.Environment["TERM"] = "xterm";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new PtySession(Process.Start(start) ?? throw new InvalidOperationException("could not start script"));
    }

    /// <summary>Waits until the terminal shows <paramref name="text"/>, e.g. a prompt.</summary>
    public void WaitFor(string text)
    {
        var clock = Stopwatch.StartNew();
        while (!Screen.Contains(text, StringComparison.Ordinal))
        {
            if (clock.Elapsed > Timeout || process.HasExited && reader.IsCompleted && !Screen.Contains(text, StringComparison.Ordinal))
            {
                throw new TimeoutException($"the terminal never showed \"{text}\"; it showed: {Screen}");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Types on the keyboard; "\r" is the Enter key.</summary>
    public void Type(string keys)
    {
        process.StandardInput.Write(keys);
        process.StandardInput.Flush();
    }

    public int WaitForExit()
    {
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"whistle-review did not finish; the terminal showed: {Screen}");
        }

        reader.Wait(Timeout);
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private static string Quote(string arg) => "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private async Task ReadScreen()
    {
        var buffer = new char[4096];
        int read;
        while ((read = await process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            lock (screen)
            {
                screen.Append(buffer, 0, read);
            }
        }
    }
}
