using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Hashing;

/// <summary>
/// An incremental SHA-256 that hashes on the thread pool while the caller goes on producing the next bytes. Without CPU
/// SHA extensions SHA-256 runs at about 200–400 MB/s, slower than the payload cipher, so a hash taken in series with
/// decryption or parsing sets the speed of an import; here it is off the caller's thread. Bytes are copied into 1 MiB
/// blocks; at most one block is hashing while the next one fills, so memory is two blocks whatever the length. Input
/// shorter than one block is hashed on the caller's thread at <see cref="Finish"/> (no task for a small file). The
/// blocks may hold plaintext, so what was used of them is cleared before they go back to the pool.
/// </summary>
/// <remarks>One producer: <see cref="Append"/>, <see cref="AppendFrom"/> and <see cref="Finish"/> are not thread-safe.</remarks>
public sealed class BackgroundSha256 : IDisposable
{
    /// <summary>Bytes per block handed to the pool.</summary>
    public const int BlockSize = 1024 * 1024;

    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? filling;
    private byte[]? spare;
    private int filled;
    private int spareUsed;

    // Set while no block is hashing. Waits on it barely spin: on two cores a spinning producer takes the core the
    // hash needs. (Task waits spin first, which measured slower here.)
    private readonly ManualResetEventSlim idle = new(initialState: true, spinCount: 1);
    private Exception? failure;
    private bool cycled;
    private bool finished;
    private bool disposed;

    /// <summary>Total bytes appended.</summary>
    public long Length { get; private set; }

    /// <summary>Appends a copy of <paramref name="data"/>.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        ThrowIfUnusable();
        while (!data.IsEmpty)
        {
            filling ??= ArrayPool<byte>.Shared.Rent(BlockSize);
            int take = Math.Min(data.Length, BlockSize - filled);
            data[..take].CopyTo(filling.AsSpan(filled));
            filled += take;
            Length += take;
            data = data[take..];
            if (filled == BlockSize)
            {
                Dispatch();
            }
        }
    }

    /// <summary>Reads once from <paramref name="source"/> straight into the current block (no copy) and appends what was read.</summary>
    /// <param name="source">The stream to read from.</param>
    /// <param name="onRead">If given, sees the bytes read, on the calling thread, before they are hashed.</param>
    /// <returns>Bytes read; 0 at the end of <paramref name="source"/>.</returns>
    /// <remarks>Exceptions thrown by <paramref name="source"/> and <paramref name="onRead"/> pass through unchanged.</remarks>
    public int AppendFrom(Stream source, Action<ReadOnlySpan<byte>>? onRead = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ThrowIfUnusable();
        filling ??= ArrayPool<byte>.Shared.Rent(BlockSize);
        int n;
        try
        {
            n = source.Read(filling, filled, BlockSize - filled);
            if (n > 0)
            {
                onRead?.Invoke(filling.AsSpan(filled, n));
            }
        }
        catch
        {
            // Bytes read but not counted (the reader or onRead failed) are cleared too before the block is pooled.
            Array.Clear(filling, filled, BlockSize - filled);
            throw;
        }

        if (n > 0)
        {
            filled += n;
            Length += n;
            if (filled == BlockSize)
            {
                Dispatch();
            }
        }

        return n;
    }

    /// <summary>Waits for the pool, hashes the last partial block and returns the SHA-256 of everything appended.</summary>
    public byte[] Finish()
    {
        ThrowIfUnusable();
        finished = true;
        WaitIdle();
        if (filled > 0)
        {
            sha256.AppendData(filling!, 0, filled);
        }

        return sha256.GetHashAndReset();
    }

    /// <summary>Waits for a block still hashing (after an exception), clears and returns the blocks.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Never clear or return a block the pool may still be reading.
        idle.Wait();

        // A block that went round once was full; the one filling may hold older bytes past `filled`.
        Return(filling, cycled ? BlockSize : filled);
        Return(spare, spareUsed);
        filling = spare = null;
        sha256.Dispose();
        idle.Dispose();
    }

    private static void Return(byte[]? block, int used)
    {
        if (block is not null)
        {
            Array.Clear(block, 0, used);
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    private void Dispatch()
    {
        // The spare block is free again once its hash is done; one block at a time keeps the hashing order.
        WaitIdle();
        byte[] block = filling!;
        int length = filled;
        idle.Reset();
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            try
            {
                sha256.AppendData(block, 0, length);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                idle.Set();
            }
        }, null);

        // The spare is overwritten as it fills and cleared in Dispose, not here (a memset per MiB adds up).
        cycled |= spare is not null;
        filling = spare;
        spare = block;
        spareUsed = length;
        filled = 0;
    }

    private void WaitIdle()
    {
        idle.Wait();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (finished)
        {
            throw new InvalidOperationException("The hash has been finished.");
        }
    }
}
