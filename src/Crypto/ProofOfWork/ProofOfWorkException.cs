namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// The one exception for a challenge token or nonce that does not parse. The message is fixed: it never echoes the
/// input, which comes from an anonymous client.
/// </summary>
public sealed class ProofOfWorkException : Exception
{
    /// <summary>Creates the exception with a short, generic message.</summary>
    public ProofOfWorkException(string message)
        : base(message)
    {
    }
}
