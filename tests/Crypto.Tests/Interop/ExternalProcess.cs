using System.Diagnostics;

namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>Runs the real age CLI, node and script with files on stdin/stdout, so multi-MiB inputs stream.</summary>
internal static class ExternalProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <param name="stdinFile">File piped to stdin; null gives an empty, closed stdin.</param>
    /// <param name="stdoutFile">File that receives stdout; null captures it as text.</param>
    /// <param name="stdinText">Text typed on stdin and kept open until exit (for `script`-driven terminals).</param>
    public static ProcessResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string? stdinFile = null,
        string? stdoutFile = null,
        string? stdinText = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        Task<string> stdout;
        if (stdoutFile is null)
        {
            stdout = process.StandardOutput.ReadToEndAsync();
        }
        else
        {
            stdout = CopyToFileAsync(process.StandardOutput.BaseStream, stdoutFile);
        }

        Task stdin = FeedStdinAsync(process, stdinFile, stdinText);

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', info.ArgumentList)} did not finish within {Timeout}");
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
