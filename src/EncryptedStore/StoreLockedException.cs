namespace WhistleSubmit.EncryptedStore;

/// <summary>Another process (or another open store in this process) holds the store's directory lock.</summary>
public sealed class StoreLockedException : Exception
{
    public StoreLockedException()
        : base("The store is in use by another process.")
    {
    }

    public StoreLockedException(string message)
        : base(message)
    {
    }

    public StoreLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
