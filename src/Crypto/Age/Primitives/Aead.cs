using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Age.Primitives;

/// <summary>
/// ChaCha20-Poly1305 (RFC 7539) as the spec uses it for stanza bodies and payload chunks ("Conventions", "Payload").
/// Two backends: the platform's (OpenSSL, fast) when available, BouncyCastle's otherwise. Tests flip
/// <see cref="ForceBouncyCastle"/> to run everything through both.
/// </summary>
internal abstract class Aead : IDisposable
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>Per thread so that tests running in parallel cannot flip each other's backend.</summary>
    [ThreadStatic]
    private static bool forceBouncyCastle;

    /// <summary>When set, new instances on this thread use BouncyCastle even if the platform has ChaCha20-Poly1305.</summary>
    internal static bool ForceBouncyCastle
    {
        get => forceBouncyCastle;
        set => forceBouncyCastle = value;
    }

    public static Aead Create(ReadOnlySpan<byte> key) => Create(key, ForceBouncyCastle);

    /// <summary>
    /// For instances made later or on other threads (the payload streams): <paramref name="bouncyCastle"/> is the
    /// <see cref="ForceBouncyCastle"/> value of the thread that asked for the stream.
    /// </summary>
    public static Aead Create(ReadOnlySpan<byte> key, bool bouncyCastle)
    {
        if (key.Length != KeySize)
        {
            throw new ArgumentException("A ChaCha20-Poly1305 key is 32 bytes.", nameof(key));
        }

        return !bouncyCastle && ChaCha20Poly1305.IsSupported ? new SystemAead(key) : new BouncyCastleAead(key);
    }

    /// <summary>Writes ciphertext || tag (plaintext.Length + 16 bytes) into <paramref name="output"/>.</summary>
    public abstract void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> output);

    /// <summary>
    /// Decrypts ciphertext || tag into <paramref name="plaintext"/> (input.Length - 16 bytes). On failure returns
    /// false and leaves <paramref name="plaintext"/> zeroed, so unauthenticated bytes are never exposed.
    /// <paramref name="input"/> is left intact either way (the buffers must not overlap).
    /// </summary>
    public abstract bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, Span<byte> plaintext);

    public abstract void Dispose();

    /// <summary>Seals a small value (a file key) with the all-zero nonce, as the stanza bodies do.</summary>
    public static byte[] SealWithZeroNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext)
    {
        using var aead = Create(key);
        var output = new byte[plaintext.Length + TagSize];
        aead.Seal(stackalloc byte[NonceSize], plaintext, output);
        return output;
    }

    /// <summary>Opens a stanza body sealed with the all-zero nonce into <paramref name="plaintext"/>.</summary>
    public static bool TryOpenWithZeroNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, Span<byte> plaintext)
    {
        using var aead = Create(key);
        return aead.TryOpen(stackalloc byte[NonceSize], input, plaintext);
    }
}
