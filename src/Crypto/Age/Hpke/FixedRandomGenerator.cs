using Org.BouncyCastle.Crypto.Prng;

namespace WhistleSubmit.Crypto.Age.Hpke;

/// <summary>
/// Feeds BouncyCastle's ML-KEM encapsulator the exact 32 bytes of randomness we chose, so that encapsulation is
/// EncapsulateDerand from the X-Wing draft (section 5.4): the same code path serves the CSPRNG and the published
/// vectors. It hands out its bytes once and then refuses, so it can never silently repeat randomness.
/// </summary>
internal sealed class FixedRandomGenerator : IRandomGenerator
{
    private readonly byte[] bytes;
    private int offset;

    public FixedRandomGenerator(ReadOnlySpan<byte> bytes) => this.bytes = bytes.ToArray();

    public void AddSeedMaterial(byte[] seed)
    {
    }

    public void AddSeedMaterial(ReadOnlySpan<byte> seed)
    {
    }

    public void AddSeedMaterial(long seed)
    {
    }

    public void NextBytes(byte[] bytes) => NextBytes(bytes.AsSpan());

    public void NextBytes(byte[] bytes, int start, int len) => NextBytes(bytes.AsSpan(start, len));

    public void NextBytes(Span<byte> bytes)
    {
        if (bytes.Length > this.bytes.Length - offset)
        {
            throw new InvalidOperationException("The fixed randomness is exhausted.");
        }

        this.bytes.AsSpan(offset, bytes.Length).CopyTo(bytes);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(this.bytes.AsSpan(offset, bytes.Length));
        offset += bytes.Length;
    }
}
