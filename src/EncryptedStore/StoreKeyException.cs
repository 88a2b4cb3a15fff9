namespace WhistleSubmit.EncryptedStore;

/// <summary>The key does not open this store (wrong key, or a damaged file header).</summary>
public sealed class StoreKeyException : Exception
{
    public StoreKeyException()
        : base("The key does not open this store (wrong key or damaged header).")
    {
    }

    public StoreKeyException(string message)
        : base(message)
    {
    }

    public StoreKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
