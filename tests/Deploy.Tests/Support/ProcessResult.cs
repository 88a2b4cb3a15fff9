namespace WhistleSubmit.Deploy.Tests.Support;

/// <summary>Exit code and captured output of a finished process.</summary>
internal sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}
