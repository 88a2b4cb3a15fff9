using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Bench.CryptoProbe;

/// <summary>
/// Whole age files encrypted and decrypted in memory through the public streams (header, STREAM, the pipelined batches),
/// with each payload backend: the library's speed without disk I/O or process start-up.
/// </summary>
internal static class PayloadThroughput
{
    public static int Run(int mib)
    {
        int size = mib * 1024 * 1024;
        using var identity = X25519Identity.Generate();
        byte[] plaintext = new byte[size];
        byte[] buffer = new byte[1024 * 1024];
        foreach (bool bouncyCastle in new[] { false, true })
        {
            // Chosen per thread: everything below runs on this one (the streams take it with them to the pool).
            AgeEncryption.UseBouncyCastlePayloadCipher = bouncyCastle;
            var sink = new MemoryStream(size + (size / 256) + 4096);
            (double encryptWall, double encryptCpu) = Measure.Best(3, () =>
            {
                sink.SetLength(0);
                using Stream encryptor = AgeEncryption.Encrypt(sink, [identity.Recipient], leaveOpen: true);
                encryptor.Write(plaintext);
            });

            byte[] ciphertext = sink.ToArray();
            (double decryptWall, double decryptCpu) = Measure.Best(3, () =>
            {
                using Stream decryptor = AgeEncryption.Decrypt(new MemoryStream(ciphertext, writable: false), [identity]);
                while (decryptor.Read(buffer) > 0)
                {
                }
            });

            string backend = bouncyCastle ? "bouncycastle" : "platform";
            Measure.Print($"payload_{backend}_encrypt_mibps", mib / encryptWall);
            Measure.Print($"payload_{backend}_encrypt_mib_per_cpu_s", mib / encryptCpu);
            Measure.Print($"payload_{backend}_decrypt_mibps", mib / decryptWall);
            Measure.Print($"payload_{backend}_decrypt_mib_per_cpu_s", mib / decryptCpu);
        }

        AgeEncryption.UseBouncyCastlePayloadCipher = false;
        return 0;
    }
}
