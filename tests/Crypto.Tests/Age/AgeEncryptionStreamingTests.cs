using System.Diagnostics;
using System.IO.Pipes;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Age;

/// <summary>
/// ~300 MiB through an OS pipe: the encryptor writes on one thread, the decryptor reads on another, so neither
/// side can hold the whole file. Asserts memory, not time.
/// </summary>
public class AgeEncryptionStreamingTests
{
    private const long TotalBytes = 300L * 1024 * 1024;
    private const int WriteSize = 1024 * 1024 + 3; // Not a multiple of the chunk size on purpose.
    private const long MaxHeapGrowth = 64L * 1024 * 1024;
    private const long WarmUpBytes = 16L * 1024 * 1024;

    [Test, CancelAfter(600_000)]
    public async Task EncryptDecrypt_300MiBThroughPipe_ConstantMemory()
    {
        using var identity = X25519Identity.Generate();
        GC.Collect();
        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;

        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        Task<byte[]> producer = Task.Run(() => Produce(server, identity.Recipient));

        long allocatedAfterWarmUp = -1;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        long maxHeap = 0;
        byte[] buffer = new byte[100_000];
        using (Stream plaintext = AgeEncryption.Decrypt(client, [identity], leaveOpen: true))
        {
            int n;
            while ((n = plaintext.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, n);
                received += n;
                if (allocatedAfterWarmUp < 0 && received >= WarmUpBytes)
                {
                    // The stream allocates its fixed set of batch buffers when the payload proves long.
                    allocatedAfterWarmUp = GC.GetAllocatedBytesForCurrentThread();
                }

                if (received % (16 * 1024 * 1024) < n)
                {
                    maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
                }
            }
        }

        long allocatedByReader = GC.GetAllocatedBytesForCurrentThread() - allocatedAfterWarmUp;
        byte[] sent = await producer;
        long peakGrowth = Process.GetCurrentProcess().PeakWorkingSet64 - peakBefore;

        Assert.That(received, Is.EqualTo(TotalBytes));
        Assert.That(hash.GetHashAndReset(), Is.EqualTo(sent));
        Assert.That(maxHeap - heapBefore, Is.LessThan(MaxHeapGrowth), "managed heap growth");
        Assert.That(allocatedByReader, Is.LessThan(1024 * 1024), "allocations while decrypting the last ~4,500 chunks");
        Assert.That(peakGrowth, Is.LessThan(256L * 1024 * 1024), "peak working set growth");
    }

    private static byte[] Produce(Stream pipe, IRecipient recipient)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] block = new byte[WriteSize];
        using (Stream encryptor = AgeEncryption.Encrypt(pipe, [recipient], leaveOpen: true))
        {
            long written = 0;
            uint counter = 0;
            while (written < TotalBytes)
            {
                // Cheap varying content, so that a swapped or repeated chunk would change the hash.
                BitConverter.TryWriteBytes(block, counter++);
                int n = (int)Math.Min(block.Length, TotalBytes - written);
                hash.AppendData(block, 0, n);
                encryptor.Write(block, 0, n);
                written += n;
            }
        }

        pipe.Dispose();
        return hash.GetHashAndReset();
    }
}
