namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// Finds a nonce for a challenge by brute force. The browser does the same in JavaScript; this one serves tests,
/// benchmarks and command-line clients.
/// </summary>
public static class ProofOfWorkSolver
{
    /// <summary>Returns the smallest nonce (in canonical decimal) that satisfies the token's difficulty.</summary>
    /// <exception cref="ProofOfWorkException">The token is malformed.</exception>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public static string Solve(string token, CancellationToken cancellationToken = default)
    {
        byte[] bytes = ChallengeToken.Decode(token) ?? throw new ProofOfWorkException("The challenge token is malformed.");
        int bits = ChallengeToken.Parse(token).DifficultyBits;
        for (ulong nonce = 0; ; nonce++)
        {
            if ((nonce & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (ProofOfWorkHash.LeadingZeroBits(bytes, nonce) >= bits)
            {
                return ProofOfWorkNonce.Format(nonce);
            }
        }
    }
}
