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

    private CrashHostProcess(Process process)
    {
        this.process = process;
        this.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lines.Enqueue(e.Data);
            if (e.Data == "ready")
            {
                ready.Set();
            }
        };
    }

    public static CrashHostProcess Start(string directory, byte[] key, int firstId)
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
        foreach (var argument in new[]
                 {
                     "exec", typeof(CrashHost.Program).Assembly.Location, CrashHost.Program.Verb, directory,
                     Convert.ToHexString(key), firstId.ToString(CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var process = new CrashHostProcess(Process.Start(info) ?? throw new InvalidOperationException("no process"));
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
