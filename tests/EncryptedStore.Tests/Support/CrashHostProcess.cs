using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>Runs <see cref="CrashHost.Program"/> in a child process and collects the ids it acknowledged.</summary>
internal sealed class CrashHostProcess : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ManualResetEventSlim ready = new();
    private readonly string readyLine;

    private CrashHostProcess(Process process, string readyLine)
    {
        this.process = process;
        this.readyLine = readyLine;
        this.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            if (e.Data == this.readyLine)
            {
                ready.Set();
            }
        };
    }

    public static CrashHostProcess Start(string directory, byte[] key, int firstId) =>
        Start("ready", CrashHost.Program.Verb, directory, Convert.ToHexString(key), firstId.ToString(CultureInfo.InvariantCulture));

    /// <summary>A compaction that stops at step (ready once it prints "at step") and waits to be killed.</summary>
    public static CrashHostProcess StartCompaction(string directory, byte[] key, string step) =>
        Start("at " + step, CrashHost.Program.CompactVerb, directory, Convert.ToHexString(key), step);

    private static CrashHostProcess Start(string readyLine, params string[] arguments)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : "dotnet";
        var info = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(CrashHost.Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new CrashHostProcess(Process.Start(info) ?? throw new InvalidOperationException("no process"), readyLine);
        process.process.BeginOutputReadLine();
        process.process.BeginErrorReadLine();
        return process;
    }

    public bool WaitUntilReady(TimeSpan timeout) => ready.Wait(timeout);

    /// <summary>SIGKILL on Unix; then every line the child wrote before dying is read from the pipe.</summary>
    public List<int> KillAndCollectAcknowledged()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
        return lines
            .Where(line => line.StartsWith("ack ", StringComparison.Ordinal))
            .Select(line => int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture))
            .ToList();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
        ready.Dispose();
    }
}
