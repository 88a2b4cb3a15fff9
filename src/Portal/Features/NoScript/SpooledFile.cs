using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>
/// One attachment of a no-JS form, held until the whole form has arrived. It must be held: report.json, which lists
/// every attachment's size, comes first in the container, and a browser sends the sizes only by sending the files.
/// Invariant 1 forbids plaintext on disk, so the bytes go to disk AES-256-GCM encrypted in 64 KiB chunks under a
/// random key that exists only in this object's memory; the file is deleted on close (and unreadable if a crash
/// leaves it behind). Chunk i uses nonce i, so chunks cannot be reordered; the length kept in memory stops truncation.
/// </summary>
public sealed class SpooledFile : IDisposable
{
    internal const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;

    private readonly FileStream file;
    private readonly AesGcm aes;
    private readonly byte[] plain = new byte[ChunkSize];
    private readonly byte[] sealedChunk = new byte[ChunkSize + TagSize];
    private int pending;
    private long chunks;
    private bool finished;

    public SpooledFile(string directory, string originalName)
    {
        OriginalName = originalName;
        aes = new AesGcm(RandomNumberGenerator.GetBytes(32), TagSize);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Options = FileOptions.DeleteOnClose,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        file = new FileStream(Path.Combine(directory, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))), options);
    }

    /// <summary>The name the browser sent; it goes into report.json only, inside the encryption.</summary>
    public string OriginalName { get; }

    /// <summary>Plaintext bytes received so far.</summary>
    public long Length { get; private set; }

    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        while (!data.IsEmpty)
        {
            int take = Math.Min(ChunkSize - pending, data.Length);
            data.Span[..take].CopyTo(plain.AsSpan(pending));
            pending += take;
            Length += take;
            data = data[take..];
            if (pending == ChunkSize)
            {
                await SealPendingAsync(cancellationToken);
            }
        }
    }

    public async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        if (pending > 0)
        {
            await SealPendingAsync(cancellationToken);
        }

        finished = true;
    }

    /// <summary>A read-only stream of exactly <see cref="Length"/> plaintext bytes, authenticated chunk by chunk.</summary>
    public Stream OpenRead()
    {
        if (!finished)
        {
            throw new InvalidOperationException("The spooled file is not finished.");
        }

        file.Position = 0;
        return new SpooledFileReader(this);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(plain);
        aes.Dispose();
        file.Dispose();
    }

    /// <summary>Decrypts chunk <paramref name="index"/> into <paramref name="destination"/>; returns its length.</summary>
    internal int ReadChunk(long index, Span<byte> destination)
    {
        int length = (int)Math.Min(ChunkSize, Length - (index * ChunkSize));
        Span<byte> sealedSpan = sealedChunk.AsSpan(0, length + TagSize);
        file.ReadExactly(sealedSpan);
        aes.Decrypt(Nonce(index), sealedSpan[..length], sealedSpan[length..], destination[..length]);
        return length;
    }

    private async ValueTask SealPendingAsync(CancellationToken cancellationToken)
    {
        aes.Encrypt(Nonce(chunks), plain.AsSpan(0, pending), sealedChunk.AsSpan(0, pending), sealedChunk.AsSpan(pending, TagSize));
        CryptographicOperations.ZeroMemory(plain.AsSpan(0, pending));
        await file.WriteAsync(sealedChunk.AsMemory(0, pending + TagSize), cancellationToken);
        chunks++;
        pending = 0;
    }

    private static byte[] Nonce(long index)
    {
        byte[] nonce = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), index);
        return nonce;
    }
}
