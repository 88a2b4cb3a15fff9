namespace WhistleSubmit.EncryptedStore;

/// <summary>
/// A store file failed authentication or is structurally damaged (tampering, truncation, swapped pages or files).
/// Nothing from such a file is ever returned.
/// </summary>
public sealed class StoreCorruptException : Exception
{
    public StoreCorruptException()
        : base("The store is damaged or has been tampered with.")
    {
    }

    public StoreCorruptException(string message)
        : base(message)
    {
    }

    public StoreCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
