using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>Runs <see cref="CrashHost.Program"/> in a child process and collects the ids it acknowledged.</summary>
internal sealed class CrashHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ManualResetEventSlim _ready = new();

    private CrashHostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            _lines.Enqueue(e.Data);
            if (e.Data == "ready")
            {
                _ready.Set();
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
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    public bool WaitUntilReady(TimeSpan timeout) => _ready.Wait(timeout);

    /// <summary>SIGKILL on Unix; then every line the child wrote before dying is read from the pipe.</summary>
    public List<int> KillAndCollectAcknowledged()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
        return _lines
            .Where(line => line.StartsWith("ack ", StringComparison.Ordinal))
            .Select(line => int.Parse(line.AsSpan(4), CultureInfo.InvariantCulture))
            .ToList();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _ready.Dispose();
    }
}
