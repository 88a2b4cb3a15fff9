using System.Diagnostics;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>
/// A program in a detached tmux session of a fixed size: <see cref="SendKeys"/> types (tmux key names such as
/// <c>F2</c>, <c>Down</c>, <c>C-s</c>, or literal text), <see cref="Capture"/> reads the screen as plain text.
/// The session ends when the program exits; <see cref="Dispose"/> kills it if it has not.
/// </summary>
internal sealed class TmuxSession : IDisposable
{
    private const string Tmux = "/usr/bin/tmux";

    private TmuxSession(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public static bool IsAvailable => File.Exists(Tmux);

    public static TmuxSession Start(string workingDirectory, string shellCommand, int width = 80, int height = 24)
    {
        var session = new TmuxSession("wr-test-" + Guid.NewGuid().ToString("N")[..12]);
        Run("new-session", "-d", "-s", session.Name, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", workingDirectory, shellCommand);
        return session;
    }

    public bool IsRunning => Run(allowFailure: true, "has-session", "-t", Name).ExitCode == 0;

    public void SendKeys(params string[] keys) => Run(false, ["send-keys", "-t", Name, .. keys]);

    public void Type(string text) => Run("send-keys", "-t", Name, "-l", text);

    public string Capture() => Run(allowFailure: true, "capture-pane", "-p", "-t", Name).Output;

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>; fails with the last screen otherwise.</summary>
    public string WaitFor(Func<string, bool> condition, string what, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        string screen = string.Empty;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            screen = Capture();
            if (condition(screen))
            {
                return screen;
            }

            Thread.Sleep(200);
        }

        Assert.Fail($"timed out waiting for {what}; the screen was:\n{screen}");
        return screen;
    }

    public void WaitForExit(int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        while (IsRunning && clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            Thread.Sleep(200);
        }

        Assert.That(IsRunning, Is.False, "the program did not exit");
    }

    public void Dispose() => Run(allowFailure: true, "kill-session", "-t", Name);

    private static (int ExitCode, string Output) Run(params string[] args) => Run(false, args);

    private static (int ExitCode, string Output) Run(bool allowFailure, params string[] args)
    {
        var start = new ProcessStartInfo(Tmux) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"tmux {args[0]} failed");
        }

        return (process.ExitCode, output.Result);
    }
}
