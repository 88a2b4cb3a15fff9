using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Age;

/// <summary>The 16-byte symmetric key of one age file (spec: "File key"). Zeroed on dispose.</summary>
public sealed class FileKey : IDisposable
{
    /// <summary>The length of a file key in bytes.</summary>
    public const int Length = 16;

    private readonly byte[] key;
    private bool disposed;

    private FileKey(byte[] key) => this.key = key;

    /// <summary>Generates a fresh file key from the CSPRNG.</summary>
    public static FileKey Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Copies a file key (for example one just unwrapped from a stanza).</summary>
    public static FileKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A file key is {Length} bytes.", nameof(bytes));
        }

        return new FileKey(bytes.ToArray());
    }

    /// <summary>The key bytes. Valid until disposed.</summary>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return key;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(key);
        disposed = true;
    }

    /// <inheritdoc />
    public override string ToString() => "FileKey";
}
