namespace WhistleSubmit.Crypto.Containers;

/// <summary>
/// The one exception for a submission container that is malformed, over its limits or not padded as specified.
/// The message is fixed and generic: it never carries names, lengths or bytes of the input.
/// </summary>
public sealed class ContainerException : Exception
{
    /// <summary>Creates the exception with the generic message.</summary>
    public ContainerException()
        : base("The submission container is malformed.")
    {
    }
}
