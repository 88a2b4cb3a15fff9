using System.Diagnostics;

namespace WhistleSubmit.Deploy.Tests.Support;

/// <summary>Runs external programs (tor, bash, shellcheck, …) with a timeout and captures their output.</summary>
internal static class Run
{
    public static ProcessResult Program(
        string fileName,
        IEnumerable<string> args,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool clearEnvironment = false,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repo.Root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (clearEnvironment)
        {
            info.Environment.Clear();
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        using var process = System.Diagnostics.Process.Start(info)
            ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in time");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static ProcessResult Bash(string script, params string[] args) =>
        Program("bash", [script, .. args]);

    public static bool IsRoot => Environment.UserName == "root";

    public static void RequireRoot()
    {
        if (!IsRoot)
        {
            Assert.Ignore("needs root (the scripts chown files); tests/run.sh runs as root or with sudo");
        }
    }
}
