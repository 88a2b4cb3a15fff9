using System.Buffers;
using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Hashing;

/// <summary>
/// Reads a stream to its end and SHA-256-hashes it, hashing each block on the thread pool while the next block is read
/// (and, through the caller's stream stack, decrypted or hashed by other layers). Without CPU SHA extensions SHA-256
/// runs at about 200–400 MB/s, slower than the payload cipher, so hashes done in series with everything else set the
/// speed of an import; overlapped, a second core takes this one off the critical path. Memory: two blocks.
/// </summary>
public static class OverlappedSha256
{
    /// <summary>Bytes read per block.</summary>
    public const int BlockSize = 1024 * 1024;

    /// <summary>Reads <paramref name="data"/> to its end and returns the SHA-256 of everything read.</summary>
    /// <param name="data">The stream to drain.</param>
    /// <param name="onBlock">If given, sees each block in order on the calling thread (valid only during the call).</param>
    /// <remarks>Exceptions thrown by <paramref name="data"/> and <paramref name="onBlock"/> pass through unchanged.</remarks>
    public static byte[] HashToEnd(Stream data, Action<ReadOnlySpan<byte>>? onBlock = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] current = ArrayPool<byte>.Shared.Rent(BlockSize);
        byte[] other = ArrayPool<byte>.Shared.Rent(BlockSize);
        Task pending = Task.CompletedTask;
        try
        {
            int n;
            while ((n = data.Read(current, 0, BlockSize)) > 0)
            {
                onBlock?.Invoke(current.AsSpan(0, n));

                // The other buffer is free again only once its hash is done; hashing order is kept by the chain.
                pending.GetAwaiter().GetResult();
                byte[] block = current;
                int length = n;
                pending = Task.Run(() => sha256.AppendData(block, 0, length));
                (current, other) = (other, current);
            }

            pending.GetAwaiter().GetResult();
            return sha256.GetHashAndReset();
        }
        finally
        {
            // On an exception from the read, a block may still be hashing: never return (or clear) a buffer in use.
            ((IAsyncResult)pending).AsyncWaitHandle.WaitOne();
            ArrayPool<byte>.Shared.Return(current, clearArray: true);
            ArrayPool<byte>.Shared.Return(other, clearArray: true);
        }
    }
}
