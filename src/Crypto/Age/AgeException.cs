namespace WhistleSubmit.Crypto.Age;

/// <summary>
/// The one exception for age input that fails to parse or authenticate. Messages are generic on purpose:
/// they never carry plaintext, keys or bytes of the input.
/// </summary>
public sealed class AgeException : Exception
{
    /// <summary>Creates an exception of the given kind with a short, fixed message.</summary>
    public AgeException(AgeErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates an exception of the given kind wrapping a lower-level failure.</summary>
    public AgeException(AgeErrorKind kind, string message, Exception inner)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>What kind of failure this is.</summary>
    public AgeErrorKind Kind { get; }
}
