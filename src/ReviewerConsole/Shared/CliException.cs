namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// A failure already worded for the person at the terminal: the message becomes <c>whistle-review: error: …</c>
/// and the optional hint <c>whistle-review: hint: …</c>. Messages must never contain key material or plaintext.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message, string? hint = null, Exception? inner = null, int exitCode = ErrorReporter.Failure)
        : base(message, inner)
    {
        Hint = hint;
        ExitCode = exitCode;
    }

    public string? Hint { get; }

    /// <summary>The process exit code (see <see cref="ErrorReporter"/>): 1 unless a more specific one applies.</summary>
    public int ExitCode { get; }
}
