using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.ProofOfWork;

/// <summary>
/// Issues challenges signed with HMAC-SHA256 under a server key and checks solutions: signature, validity window,
/// work, then single use. The key need not outlive the process: a restart only invalidates outstanding challenges,
/// which clients simply fetch again, and it makes replays across restarts impossible.
/// </summary>
public sealed class ProofOfWorkAuthority : IDisposable
{
    /// <summary>The minimum key length in bytes.</summary>
    public const int MinKeyLength = 32;

    // Tolerates a server clock stepped back a little between issue and verify.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly byte[] key;
    private readonly TimeProvider time;
    private readonly ProofOfWorkReplayCache replayCache;
    private bool disposed;

    /// <summary>Creates an authority with the given HMAC key (copied; zeroed on dispose).</summary>
    public ProofOfWorkAuthority(ReadOnlySpan<byte> key, TimeProvider time, ProofOfWorkReplayCache replayCache)
    {
        if (key.Length < MinKeyLength)
        {
            throw new ArgumentException($"The key must be at least {MinKeyLength} bytes.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(replayCache);
        this.key = key.ToArray();
        this.time = time;
        this.replayCache = replayCache;
    }

    /// <summary>Creates an authority with a fresh random key that lives only in this process.</summary>
    public static ProofOfWorkAuthority CreateWithRandomKey(TimeProvider time, ProofOfWorkReplayCache replayCache)
    {
        byte[] fresh = RandomNumberGenerator.GetBytes(MinKeyLength);
        try
        {
            return new ProofOfWorkAuthority(fresh, time, replayCache);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(fresh);
        }
    }

    /// <summary>Issues a new challenge token.</summary>
    public string Issue(int difficultyBits, TimeSpan lifetime)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(difficultyBits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficultyBits, ProofOfWorkChallenge.MaxDifficultyBits);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, ProofOfWorkChallenge.MaxLifetime);

        DateTimeOffset now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var challenge = new ProofOfWorkChallenge(
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            now,
            now + TimeSpan.FromSeconds(Math.Ceiling(lifetime.TotalSeconds)),
            difficultyBits);

        Span<byte> signed = stackalloc byte[ChallengeToken.SignedLength];
        ChallengeToken.WriteSignedPart(challenge, signed);
        return ChallengeToken.ToText(ChallengeToken.Encode(challenge, HMACSHA256.HashData(key, signed)));
    }

    /// <summary>
    /// Checks a solution and, if it is good, spends the challenge. Never throws for bad input: every failure is a
    /// <see cref="ProofOfWorkVerdict"/>.
    /// </summary>
    public ProofOfWorkVerdict Verify(string? token, string? nonce)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        byte[]? bytes = ChallengeToken.Decode(token);
        ulong? parsedNonce = ProofOfWorkNonce.TryParse(nonce);
        if (bytes is null || parsedNonce is null)
        {
            return ProofOfWorkVerdict.Malformed;
        }

        // The signature is checked before the fields are trusted, and in constant time.
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, bytes.AsSpan(0, ChallengeToken.SignedLength), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(ChallengeToken.SignedLength)))
        {
            return ProofOfWorkVerdict.BadSignature;
        }

        ProofOfWorkChallenge? challenge = ChallengeToken.ReadFields(bytes);
        if (challenge is null)
        {
            return ProofOfWorkVerdict.Malformed;
        }

        DateTimeOffset now = time.GetUtcNow();
        if (now >= challenge.ExpiresAt || now + ClockSkew < challenge.IssuedAt)
        {
            return ProofOfWorkVerdict.Expired;
        }

        if (ProofOfWorkHash.LeadingZeroBits(bytes, parsedNonce.Value) < challenge.DifficultyBits)
        {
            return ProofOfWorkVerdict.InsufficientWork;
        }

        return replayCache.TrySpend(challenge.Id, challenge.ExpiresAt);
    }

    /// <summary>Zeroes the key.</summary>
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(key);
        disposed = true;
    }
}
