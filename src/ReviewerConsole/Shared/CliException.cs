namespace WhistleSubmit.ReviewerConsole.Shared;

/// <summary>
/// A failure already worded for the person at the terminal: the message becomes <c>whistle-review: error: …</c>
/// and the optional hint <c>whistle-review: hint: …</c>. Messages must never contain key material or plaintext.
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Hint = hint;
    }

    public string? Hint { get; }
}
