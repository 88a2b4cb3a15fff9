namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// The signed fields of a hashcash-style challenge. The client finds a nonce such that
/// SHA-256(token bytes || nonce as 8 bytes big-endian) starts with <see cref="DifficultyBits"/> zero bits.
/// </summary>
/// <param name="Id">A random 128-bit identifier in lower-case hex; it makes each challenge single use.</param>
/// <param name="IssuedAt">When the server issued it, to the second.</param>
/// <param name="ExpiresAt">After this instant the server refuses it, to the second.</param>
/// <param name="DifficultyBits">The number of leading zero bits the solution's hash must have.</param>
public sealed record ProofOfWorkChallenge(string Id, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, int DifficultyBits)
{
    /// <summary>The largest difficulty a token may carry (about 10^12 hashes: far beyond any sane setting).</summary>
    public const int MaxDifficultyBits = 40;

    /// <summary>The longest lifetime a token may carry.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(1);
}
