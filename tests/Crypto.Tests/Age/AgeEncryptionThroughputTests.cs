using System.Diagnostics;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>A manual throughput probe (run with --filter Category=Benchmark); it prints, it never asserts time.</summary>
public class AgeEncryptionThroughputTests
{
    [Test, Explicit("Benchmark: prints MiB/s, slow on a shared machine."), Category("Benchmark")]
    public void Decrypt_64MiB_PrintsThroughput([Values] bool bouncyCastle)
    {
        const int size = 64 * 1024 * 1024;
        using var identity = X25519Identity.Generate();
        AgeEncryption.UseBouncyCastlePayloadCipher = bouncyCastle;
        try
        {
            byte[] plaintext = new byte[size];

            // Warm-up, so that tiered JIT has compiled the hot loops before anything is timed.
            AgeEncryption.Encrypt(plaintext.AsSpan(0, 8 * 1024 * 1024), [identity.Recipient]);
            var watch = Stopwatch.StartNew();
            TimeSpan encryptCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sink = new MemoryStream(size + (size / 256));
            using (Stream encryptor = AgeEncryption.Encrypt(sink, [identity.Recipient], leaveOpen: true))
            {
                encryptor.Write(plaintext);
            }

            double encrypt = size / watch.Elapsed.TotalSeconds / (1024 * 1024);
            double encryptCpu = size / (Process.GetCurrentProcess().TotalProcessorTime - encryptCpuBefore).TotalSeconds / (1024 * 1024);
            byte[] ciphertext = sink.ToArray();

            byte[] buffer = new byte[1024 * 1024];
            plaintext = [];

            // Keep the encryption's garbage out of the decryption's CPU time.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            watch.Restart();
            TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (int round = 0; round < 4; round++)
            {
                using Stream s = AgeEncryption.Decrypt(new MemoryStream(ciphertext), [identity]);
                while (s.Read(buffer) > 0)
                {
                }
            }

            double decrypt = 4.0 * size / watch.Elapsed.TotalSeconds / (1024 * 1024);
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            double decryptCpu = 4.0 * size / cpu / (1024 * 1024);

            // The machine is shared: CPU-time throughput is the comparable figure (time `age -d` the same way).
            TestContext.Out.WriteLine(
                $"{(bouncyCastle ? "BouncyCastle" : "Platform")}: encrypt {encrypt:F0} MiB/s wall, {encryptCpu:F0} per CPU-second, " +
                $"decrypt {decrypt:F0} MiB/s wall, {decryptCpu:F0} MiB/s per CPU-second");
            Assert.Pass();
        }
        finally
        {
            AgeEncryption.UseBouncyCastlePayloadCipher = false;
        }
    }
}
