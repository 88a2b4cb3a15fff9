namespace WhistleSubmit.TestSupport;

/// <summary>Exit code and captured output of a finished process.</summary>
public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    /// <summary>Fails the test with the tool's stderr unless it exited with 0.</summary>
    public ProcessResult AssertSuccess(string what)
    {
        Assert.That(ExitCode, Is.Zero, $"{what} failed: {StdErr}");
        return this;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StdOut}\n--- stderr\n{StdErr}";
}
