namespace WhistleSubmit.Portal.Store;

/// <summary>
/// The disk (or the configured global quota) cannot take this write. Nothing of the write was kept and everything
/// stored before is intact; HTTP answers 503 so the client retries later.
/// </summary>
public sealed class PortalStoreFullException : Exception
{
    public PortalStoreFullException()
        : base("The store is full.")
    {
    }

    public PortalStoreFullException(string message)
        : base(message)
    {
    }

    public PortalStoreFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
