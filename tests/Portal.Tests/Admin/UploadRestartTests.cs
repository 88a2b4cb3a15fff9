using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Tests.Features.Upload;

namespace WhistleSubmit.Portal.Tests.Admin;

/// <summary>
/// Resume across a real crash: the portal process is SIGKILLed half-way through an upload, started again on the same
/// data directory, tells the client where to continue, and the finished item decrypts with the demo identity.
/// </summary>
public class UploadRestartTests
{
    private const int Chunks = 4;

    [Test]
    public async Task Upload_ServerKilledHalfWayAndRestarted_ResumesAndDecryptsToWhatWasSent()
    {
        string data = Directory.CreateTempSubdirectory("whistle-restart-").FullName;
        try
        {
            // Arrange: a real age file of a little over three chunks, to the portal's (demo) recipients.
            byte[] plaintext = RandomNumberGenerator.GetBytes((3 * UploadApi.ChunkSize) + 1000);
            byte[] ciphertext;
            string uploadId;
            using (var first = await PortalProcess.StartServerAsync(data))
            using (var http = new HttpClient { BaseAddress = first.Address })
            {
                var api = new UploadApi(http);
                var recipients = await UploadApi.RecipientsAsync(http);
                ciphertext = AgeEncryption.Encrypt(plaintext, recipients);
                Assert.That(ChunkCount(ciphertext), Is.EqualTo(Chunks));
                uploadId = await api.CreateOkAsync("submission", UploadApi.NewToken(), ciphertext.Length);
                for (int i = 0; i < Chunks / 2; i++)
                {
                    using var put = await api.PutChunkAsync(uploadId, i, Chunk(ciphertext, i));
                    Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
                }

                // Act 1: the power goes (SIGKILL: no shutdown, no flush, no checkpoint).
                first.Kill();
            }

            using var second = await PortalProcess.StartServerAsync(data);
            using var client = new HttpClient { BaseAddress = second.Address };
            var resumed = new UploadApi(client);

            // Act 2: the client asks where to continue, sends the rest and completes.
            var state = await client.GetFromJsonAsync<JsonObject>(new Uri($"/api/uploads/{uploadId}", UriKind.Relative));
            int next = state!["nextChunk"]!.GetValue<int>();
            Assert.That(next, Is.EqualTo(Chunks / 2));
            Assert.That(state["received"]!.GetValue<long>(), Is.EqualTo((long)(Chunks / 2) * UploadApi.ChunkSize));
            Assert.That(state["size"]!.GetValue<long>(), Is.EqualTo(ciphertext.Length));
            for (int i = next; i < Chunks; i++)
            {
                using var put = await resumed.PutChunkAsync(uploadId, i, Chunk(ciphertext, i));
                Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }

            using var complete = await resumed.CompleteAsync(uploadId);
            Assert.That(complete.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            string receipt = (await complete.Content.ReadFromJsonAsync<JsonObject>())!["receipt"]!.GetValue<string>();

            // Assert: exported (through the running server's admin socket) and decrypted with the demo identity.
            string bundle = Path.Combine(data, "resumed.wsbundle");
            var export = await PortalProcess.RunVerbAsync(data, "export", "--out", bundle);
            Assert.That(export.ExitCode, Is.Zero, export.Stderr);
            using var identityFile = File.OpenText(Path.Combine(data, "demo-reviewer-identity.txt"));
            var identities = AgeKeys.ParseIdentitiesFile(identityFile);
            using var reader = BundleReader.Open(File.OpenRead(bundle));
            Assert.That(reader.Manifest.Items.Select(i => i.Id), Is.EqualTo(new[] { receipt }));
            using var item = reader.OpenItem(receipt);
            using var decrypted = AgeEncryption.Decrypt(item, identities);
            var copy = new MemoryStream();
            await decrypted.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(plaintext));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static int ChunkCount(byte[] ciphertext) => (ciphertext.Length + UploadApi.ChunkSize - 1) / UploadApi.ChunkSize;

    private static ReadOnlyMemory<byte> Chunk(byte[] ciphertext, int index) =>
        ciphertext.AsMemory(index * UploadApi.ChunkSize, Math.Min(UploadApi.ChunkSize, ciphertext.Length - (index * UploadApi.ChunkSize)));
}
