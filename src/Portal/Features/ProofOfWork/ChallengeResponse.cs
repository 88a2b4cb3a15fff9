namespace WhistleSubmit.Portal.Features.ProofOfWork;

/// <summary>
/// The body of GET /pow/challenge. The client hashes the decoded token followed by a nonce until the hash has
/// <paramref name="DifficultyBits"/> leading zero bits, and sends token and nonce with its upload.
/// </summary>
/// <param name="Token">The signed challenge (88 base64url characters).</param>
/// <param name="DifficultyBits">Leading zero bits required (also inside the token).</param>
/// <param name="ExpiresAt">Unix seconds after which the challenge is refused.</param>
public sealed record ChallengeResponse(string Token, int DifficultyBits, long ExpiresAt);
