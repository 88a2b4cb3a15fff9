using System.Diagnostics;

namespace WhistleSubmit.TestSupport;

/// <summary>
/// Runs a real program to its end with a timeout: arguments as a list (no shell), stdin from a file, from text kept
/// open until exit (for `script`-driven terminals) or closed at once, stdout captured or streamed to a file (so
/// multi-MiB outputs never sit in memory).
/// </summary>
public static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    /// <param name="stdinFile">File piped to stdin; with no stdin option, stdin is empty and closed.</param>
    /// <param name="stdoutFile">File that receives stdout; null captures it as text.</param>
    /// <param name="stdinText">Text typed on stdin and kept open until exit.</param>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool clearEnvironment = false,
        string? workingDirectory = null,
        string? stdinFile = null,
        string? stdoutFile = null,
        string? stdinText = null,
        TimeSpan? timeout = null)
    {
        var info = StartInfo(fileName, arguments, environment, clearEnvironment);
        info.WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task<string> stdout = stdoutFile is null
            ? process.StandardOutput.ReadToEndAsync()
            : CopyToFileAsync(process.StandardOutput.BaseStream, stdoutFile);
        Task stdin = FeedStdinAsync(process, stdinFile, stdinText);

        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {limit}");
        }

        process.WaitForExit();
        if (stdinText is not null)
        {
            process.StandardInput.Close();
        }

        // A tool that exits before reading all its input breaks the pipe; its exit code tells the story.
        try
        {
            stdin.GetAwaiter().GetResult();
        }
        catch (IOException)
        {
        }

        return new ProcessResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>All streams redirected, no shell; <paramref name="environment"/> as in <see cref="Run"/>.</summary>
    public static ProcessStartInfo StartInfo(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?>? environment = null,
        bool clearEnvironment = false)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (clearEnvironment)
        {
            info.Environment.Clear();
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    private static async Task FeedStdinAsync(Process process, string? stdinFile, string? stdinText)
    {
        if (stdinText is not null)
        {
            await process.StandardInput.WriteAsync(stdinText).ConfigureAwait(false);
            await process.StandardInput.FlushAsync().ConfigureAwait(false);
            return;
        }

        if (stdinFile is not null)
        {
            await using var input = File.OpenRead(stdinFile);
            await input.CopyToAsync(process.StandardInput.BaseStream).ConfigureAwait(false);
        }

        process.StandardInput.Close();
    }

    private static async Task<string> CopyToFileAsync(Stream source, string path)
    {
        await using var output = File.Create(path);
        await source.CopyToAsync(output).ConfigureAwait(false);
        return string.Empty;
    }
}
