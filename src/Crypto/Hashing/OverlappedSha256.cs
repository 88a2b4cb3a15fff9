namespace WhistleSubmit.Crypto.Hashing;

/// <summary>
/// Reads a stream to its end and SHA-256-hashes it, each block on the thread pool while the next block is read (and,
/// through the caller's stream stack, decrypted or hashed by other layers): see <see cref="BackgroundSha256"/>.
/// </summary>
public static class OverlappedSha256
{
    /// <summary>Bytes per block handed to the pool.</summary>
    public const int BlockSize = BackgroundSha256.BlockSize;

    /// <summary>Reads <paramref name="data"/> to its end and returns the SHA-256 of everything read.</summary>
    /// <param name="data">The stream to drain.</param>
    /// <param name="onBlock">If given, sees the bytes of each read in order on the calling thread (valid only during the call).</param>
    /// <remarks>Exceptions thrown by <paramref name="data"/> and <paramref name="onBlock"/> pass through unchanged.</remarks>
    public static byte[] HashToEnd(Stream data, Action<ReadOnlySpan<byte>>? onBlock = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var sha256 = new BackgroundSha256();
        while (sha256.AppendFrom(data, onBlock) > 0)
        {
        }

        return sha256.Finish();
    }
}
