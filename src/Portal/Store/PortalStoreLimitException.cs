namespace WhistleSubmit.Portal.Store;

/// <summary>An item is larger than the caller's limit; nothing of it was kept (HTTP 413).</summary>
public sealed class PortalStoreLimitException : Exception
{
    public PortalStoreLimitException()
        : base("The item is larger than allowed.")
    {
    }

    public PortalStoreLimitException(string message)
        : base(message)
    {
    }

    public PortalStoreLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
