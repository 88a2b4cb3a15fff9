using System.Text;

namespace WhistleSubmit.ReviewerConsole.Tests.Support;

/// <summary>What one run of whistle-review produced.</summary>
internal sealed record CliResult(int ExitCode, byte[] Stdout, string Stderr)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public override string ToString() => $"exit {ExitCode}; stderr: {Stderr}";
}
