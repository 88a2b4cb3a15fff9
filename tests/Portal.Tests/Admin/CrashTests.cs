using System.Collections.Concurrent;
using System.Security.Cryptography;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Tests.Features.Upload;

namespace WhistleSubmit.Portal.Tests.Admin;

/// <summary>
/// Invariant 3 with the real process: concurrent clients run the whole upload protocol while the portal is killed with
/// SIGKILL at random moments, round after round; afterwards every upload that got a 201 is exported with the SHA-256
/// of exactly what its client sent.
/// </summary>
public class CrashTests
{
    private const int Rounds = 4;
    private const int Clients = 8;

    [Test]
    public async Task Submissions_KilledAtRandomMoments_EveryAcknowledgedOneSurvives()
    {
        string data = Directory.CreateTempSubdirectory("whistle-crash-").FullName;
        try
        {
            var acknowledged = new ConcurrentDictionary<string, string>();
            int killedRequests = 0;
            for (int round = 0; round < Rounds; round++)
            {
                using var server = await PortalProcess.StartServerAsync(data);
                using var stop = new CancellationTokenSource();
                var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
                {
                    using var http = new HttpClient { BaseAddress = server.Address };
                    var api = new UploadApi(http);
                    while (!stop.IsCancellationRequested)
                    {
                        try
                        {
                            byte[] ciphertext = await api.EncryptAsync(RandomNumberGenerator.GetInt32(1000, 64 * 1024));
                            string receipt = await api.UploadAsync(ciphertext);
                            acknowledged[receipt] = Convert.ToHexStringLower(SHA256.HashData(ciphertext));
                        }
                        catch (Exception e) when (e is HttpRequestException or IOException or AssertionException or TaskCanceledException)
                        {
                            // The server died under this request (or a status other than the protocol's happy path).
                            Interlocked.Increment(ref killedRequests);
                            break;
                        }
                    }
                })).ToList();

                // Kill at a random moment after this round's first acknowledged upload: on a loaded machine a fixed
                // delay could end every round before anything was acknowledged, and prove nothing.
                int before = acknowledged.Count;
                for (var waited = 0; acknowledged.Count == before && waited < 600; waited++)
                {
                    await Task.Delay(100);
                }

                await Task.Delay(RandomNumberGenerator.GetInt32(0, 3000));
                server.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(clients);
            }

            Assert.That(acknowledged, Is.Not.Empty, "no upload was acknowledged in any round");
            string bundle = Path.Combine(data, "all.wsbundle");
            var export = await PortalProcess.RunVerbAsync(data, "export", "--out", bundle);
            Assert.That(export.ExitCode, Is.Zero, export.Stderr);
            using var reader = BundleReader.Open(File.OpenRead(bundle));
            var exported = reader.Manifest.Items.ToDictionary(i => i.Id, i => i.Sha256);
            TestContext.Out.WriteLine($"{acknowledged.Count} acknowledged, {exported.Count} exported, {killedRequests} requests cut by kills");
            Assert.That(acknowledged, Is.Not.Empty);
            foreach (var (receipt, sha256) in acknowledged)
            {
                Assert.That(exported.GetValueOrDefault(receipt), Is.EqualTo(sha256), receipt);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
