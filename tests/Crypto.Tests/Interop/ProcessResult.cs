namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>What an external tool did: its exit code, stdout (empty when sent to a file) and stderr.</summary>
internal sealed record ProcessResult(int ExitCode, string StdOut, string StdErr)
{
    /// <summary>Fails the test with the tool's stderr unless it exited with 0.</summary>
    public ProcessResult AssertSuccess(string what)
    {
        Assert.That(ExitCode, Is.Zero, $"{what} failed: {StdErr}");
        return this;
    }
}
