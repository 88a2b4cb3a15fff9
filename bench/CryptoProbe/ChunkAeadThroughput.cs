using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age.Primitives;

namespace WhistleSubmit.Bench.CryptoProbe;

/// <summary>
/// One thread sealing and opening 64 KiB age payload chunks through our <see cref="Aead"/> (the platform's
/// ChaCha20-Poly1305, i.e. OpenSSL via .NET): the per-chunk cost of the .NET path, to set beside
/// <c>openssl speed -evp chacha20-poly1305 -bytes 65536</c>. In memory, no STREAM logic, no I/O. Reported per
/// CPU-second like <c>openssl speed</c> (which divides by its user CPU time unless given <c>-elapsed</c>), and per
/// wall-clock second.
/// </summary>
internal static class ChunkAeadThroughput
{
    private const int Chunk = 64 * 1024;

    public static int Run(int mib)
    {
        int chunks = mib * 1024 * 1024 / Chunk;
        byte[] key = RandomNumberGenerator.GetBytes(Aead.KeySize);
        byte[] plaintext = RandomNumberGenerator.GetBytes(Chunk);
        byte[] sealedChunk = new byte[Chunk + Aead.TagSize];
        byte[] opened = new byte[Chunk];
        byte[] nonce = new byte[Aead.NonceSize];
        using Aead aead = Aead.Create(key, bouncyCastle: false);

        (double seal, double sealCpu) = Measure.Best(3, () =>
        {
            for (int i = 0; i < chunks; i++)
            {
                aead.Seal(nonce, plaintext, sealedChunk);
            }
        });
        (double open, double openCpu) = Measure.Best(3, () =>
        {
            for (int i = 0; i < chunks; i++)
            {
                if (!aead.TryOpen(nonce, sealedChunk, opened))
                {
                    throw new InvalidOperationException("A chunk sealed here did not open.");
                }
            }
        });

        Measure.Print("aead_seal_mibps", mib / seal);
        Measure.Print("aead_open_mibps", mib / open);
        Measure.Print("aead_seal_mib_per_cpu_s", mib / sealCpu);
        Measure.Print("aead_open_mib_per_cpu_s", mib / openCpu);
        return 0;
    }
}
