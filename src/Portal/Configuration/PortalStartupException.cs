namespace WhistleSubmit.Portal.Configuration;

/// <summary>
/// A configuration problem that must stop the portal before it serves a page. The message is shown to the
/// operator as it is, so it says what is wrong and never contains key material.
/// </summary>
public sealed class PortalStartupException : Exception
{
    public PortalStartupException(string message, string hint)
        : base(message)
    {
        Hint = hint;
    }

    /// <summary>What the operator can do about it.</summary>
    public string Hint { get; }
}
