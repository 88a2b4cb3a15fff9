namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// The outcome of checking a solution. Only <see cref="Accepted"/> lets an upload in; a failure is an ordinary
/// result (untrusted input), not an exception.
/// </summary>
public enum ProofOfWorkVerdict
{
    /// <summary>Signed by this server, unexpired, enough work, and not seen before. The challenge is now spent.</summary>
    Accepted,

    /// <summary>The token or nonce is not in canonical form.</summary>
    Malformed,

    /// <summary>The token was not issued by this server (or by this process: the key lives only in memory).</summary>
    BadSignature,

    /// <summary>The challenge is outside its validity window.</summary>
    Expired,

    /// <summary>The hash of challenge and nonce has fewer leading zero bits than the challenge asks for.</summary>
    InsufficientWork,

    /// <summary>The challenge was already used for an accepted solution.</summary>
    Replayed,

    /// <summary>The replay cache is full of unexpired challenges; the client should retry later.</summary>
    Busy,
}
