using System.Security.Cryptography;

namespace WhistleSubmit.Crypto.Age.Primitives;

/// <summary>The platform ChaCha20-Poly1305 (spec "Conventions": RFC 7539), allocation-free per call.</summary>
internal sealed class SystemAead : Aead
{
    private readonly ChaCha20Poly1305 cipher;

    public SystemAead(ReadOnlySpan<byte> key) => cipher = new ChaCha20Poly1305(key);

    public override void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> output)
    {
        cipher.Encrypt(nonce, plaintext, output[..plaintext.Length], output.Slice(plaintext.Length, TagSize));
    }

    public override bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> input, Span<byte> plaintext)
    {
        int n = input.Length - TagSize;
        try
        {
            cipher.Decrypt(nonce, input[..n], input[n..], plaintext[..n]);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            // The platform already zeroed the output; do it again so the contract does not depend on that.
            CryptographicOperations.ZeroMemory(plaintext[..n]);
            return false;
        }
    }

    public override void Dispose() => cipher.Dispose();
}
