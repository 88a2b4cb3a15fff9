namespace WhistleSubmit.Portal.Store;

/// <summary>One mailbox has too many unfinished uploads or unexported bytes (HTTP 429); other sources are unaffected.</summary>
public sealed class PortalStoreQuotaException : Exception
{
    public PortalStoreQuotaException()
        : base("The mailbox is over its quota.")
    {
    }

    public PortalStoreQuotaException(string message)
        : base(message)
    {
    }

    public PortalStoreQuotaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
