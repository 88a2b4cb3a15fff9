using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Upload;

/// <summary>The resumable upload protocol on the real server: each bad input of issue 3 gets its status and changes nothing.</summary>
public class UploadEndpointsTests
{
    private PortalFactory factory = null!;
    private UploadApi api = null!;
    private Uri baseAddress = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string>
        {
            ["Portal:ProofOfWork:BaseBits"] = "4",
            ["Portal:ProofOfWork:MaxBits"] = "6",
            ["Portal:Store:ChunkReadTimeoutSeconds"] = "2",
            ["Portal:Store:MaxUploadBytes"] = "20000000",
        });
        baseAddress = factory.Start();
        api = new UploadApi(factory.CreatePlainClient(baseAddress));
    }

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    [OneTimeTearDown]
    public void Stop()
    {
        api.Client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Upload_TwoChunks_CreatedAndStoredBytesIdentical()
    {
        byte[] ciphertext = await api.EncryptAsync(UploadApi.ChunkSize + 1000);

        string receipt = await api.UploadAsync(ciphertext);

        using var stored = Store.Transfer().OpenCiphertext(receipt);
        var copy = new MemoryStream();
        stored.CopyTo(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(ciphertext));
        Assert.That(Store.Transfer().ListUnexported().Single(i => i.Id == receipt).Kind, Is.EqualTo(ItemKind.Submission));
    }

    [Test]
    public async Task GetUpload_AfterFirstChunk_ReportsWhereToResume()
    {
        byte[] ciphertext = await api.EncryptAsync(UploadApi.ChunkSize + 10);
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), ciphertext.Length);
        using var put = await api.PutChunkAsync(id, 0, ciphertext.AsMemory(0, UploadApi.ChunkSize));

        var status = await api.Client.GetFromJsonAsync<JsonObject>(new Uri($"/api/uploads/{id}", UriKind.Relative));

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(status!["received"]!.GetValue<long>(), Is.EqualTo(UploadApi.ChunkSize));
        Assert.That(status["nextChunk"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(status["size"]!.GetValue<long>(), Is.EqualTo(ciphertext.Length));
    }

    [Test]
    public async Task GetConfig_Demo_ServesTheSignedSetVerifyingUnderTeamJsAndSizes()
    {
        var config = await api.Client.GetFromJsonAsync<JsonObject>(new Uri("/api/config", UriKind.Relative));
        var recipients = await UploadApi.RecipientsAsync(api.Client);

        Assert.That(config!.Select(p => p.Key).ToList(), Is.EquivalentTo(new[] { "recipientSet", "maxTotalBytes", "chunkSize", "demo" }));
        Assert.That(recipients.Single().ToString(), Does.StartWith("age1pq1"));
        Assert.That(config!["chunkSize"]!.GetValue<int>(), Is.EqualTo(UploadApi.ChunkSize));
        Assert.That(config["maxTotalBytes"]!.GetValue<long>(), Is.EqualTo(20000000));
        Assert.That(config["demo"]!.GetValue<bool>(), Is.True);
    }

    [TestCase("{", Description = "not JSON")]
    [TestCase("{\"kind\":\"report\",\"mailboxToken\":\"00\",\"size\":10}", Description = "unknown kind, short token")]
    [TestCase("{\"kind\":\"submission\",\"mailboxToken\":\"zz\",\"size\":10}", Description = "bad token")]
    [TestCase("{\"kind\":\"submission\",\"size\":0}", Description = "no token, zero size")]
    public async Task Create_Malformed_400AndNothingStored(string json)
    {
        var before = StoreSnapshot.Of(Store);

        using var response = await api.Client.PostAsync(
            new Uri("/api/uploads", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_UppercaseToken_400()
    {
        using var response = await api.CreateAsync("submission", UploadApi.NewToken().ToUpperInvariant(), 100);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Create_MissingPow_403AndNothingStored()
    {
        var before = StoreSnapshot.Of(Store);
        using var response = await api.CreateRawAsync(new JsonObject { ["kind"] = "submission", ["mailboxToken"] = UploadApi.NewToken(), ["size"] = 100 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_ReplayedPow_403AndNothingStored()
    {
        var pow = await api.SolvedPowAsync();
        using var first = await api.CreateAsync("submission", UploadApi.NewToken(), 100, pow);
        var before = StoreSnapshot.Of(Store);

        using var second = await api.CreateAsync("submission", UploadApi.NewToken(), 100, (JsonObject)pow.DeepClone());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public async Task Create_WrongNonce_403()
    {
        // Solve() returns the smallest good nonce, so every smaller one is wrong: take a challenge whose answer is not 0.
        var pow = await api.SolvedPowAsync();
        while (pow["nonce"]!.GetValue<string>() == "0")
        {
            pow = await api.SolvedPowAsync();
        }

        pow["nonce"] = "0";
        using var response = await api.CreateAsync("submission", UploadApi.NewToken(), 100, pow);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Create_ForgedToken_403()
    {
        var pow = await api.SolvedPowAsync();
        string token = pow["token"]!.GetValue<string>();
        pow["token"] = (token[0] == 'A' ? "B" : "A") + token[1..];
        using var response = await api.CreateAsync("submission", UploadApi.NewToken(), 100, pow);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Create_FollowupToUnknownMailbox_404()
    {
        using var response = await api.CreateAsync("followup", UploadApi.NewToken(), 100);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Create_FollowupAfterSubmission_Created()
    {
        string token = UploadApi.NewToken();
        await api.UploadAsync(await api.EncryptAsync(100), "submission", token);

        string receipt = await api.UploadAsync(await api.EncryptAsync(100), "followup", token);

        Assert.That(Store.Transfer().ListUnexported().Single(i => i.Id == receipt).Kind, Is.EqualTo(ItemKind.Followup));
    }

    [Test]
    public async Task Create_SizeOverMaximum_413()
    {
        using var response = await api.CreateAsync("submission", UploadApi.NewToken(), 20000001);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Create_PerMailboxPendingQuota_429()
    {
        string token = UploadApi.NewToken();
        for (int i = 0; i < Store.Options.MaxPendingUploadsPerMailbox; i++)
        {
            await api.CreateOkAsync("submission", token, 100);
        }

        using var response = await api.CreateAsync("submission", token, 100);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)429));
    }

    [Test]
    public async Task PutChunk_LongerThanDeclaredSize_413AndNothingStored()
    {
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), 1000);
        var before = StoreSnapshot.Of(Store);

        using var response = await api.PutChunkAsync(id, 0, new byte[1001]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public async Task PutChunk_LargerThanChunkSize_413()
    {
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), 3L * UploadApi.ChunkSize);
        var before = StoreSnapshot.Of(Store);

        // The portal refuses by Content-Length before reading and then closes the connection, so a client still
        // sending 4 MiB may see the reset (EPIPE) before it reads the 413. Either is a refusal; what matters is that
        // nothing was stored.
        try
        {
            using var response = await api.PutChunkAsync(id, 0, new byte[UploadApi.ChunkSize + 1]);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        }
        catch (HttpRequestException e) when (e.InnerException is IOException)
        {
            // Refused at the transport level, as above.
        }

        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public async Task PutChunk_ExtraChunkPastEnd_413()
    {
        byte[] ciphertext = await api.EncryptAsync(100);
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), ciphertext.Length);
        using var first = await api.PutChunkAsync(id, 0, ciphertext);
        var before = StoreSnapshot.Of(Store);

        using var extra = await api.PutChunkAsync(id, 1, new byte[10]);

        Assert.That(extra.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
    }

    [Test]
    public async Task PutChunk_OutOfOrder_409AndNothingStored()
    {
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), (2L * UploadApi.ChunkSize) + 5);
        var before = StoreSnapshot.Of(Store);

        using var response = await api.PutChunkAsync(id, 1, new byte[UploadApi.ChunkSize]);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
        Assert.That(Store.Source().FindUpload(id)!.Received, Is.Zero);
    }

    [Test]
    public async Task PutChunk_DuplicateSameLength_204_DifferentLength_409()
    {
        byte[] ciphertext = await api.EncryptAsync(UploadApi.ChunkSize + 10);
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), ciphertext.Length);
        using var first = await api.PutChunkAsync(id, 0, ciphertext.AsMemory(0, UploadApi.ChunkSize));

        using var retry = await api.PutChunkAsync(id, 0, ciphertext.AsMemory(0, UploadApi.ChunkSize));
        using var wrong = await api.PutChunkAsync(id, 0, ciphertext.AsMemory(0, 100));

        Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(Store.Source().FindUpload(id)!.Received, Is.EqualTo(UploadApi.ChunkSize));
    }

    [Test]
    public async Task PutChunk_ShorterThanChunk_400()
    {
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), 1000);
        using var response = await api.PutChunkAsync(id, 0, new byte[999]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Store.Source().FindUpload(id)!.Received, Is.Zero);
    }

    [TestCase("00000000000000000000000000000000")]
    [TestCase("not-an-id")]
    public async Task PutChunk_UnknownUpload_404(string id)
    {
        using var response = await api.PutChunkAsync(id, 0, new byte[10]);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PutChunk_BodyStopsHalfWay_NothingKeptAndChunkCanBeResent()
    {
        byte[] ciphertext = await api.EncryptAsync(200_000);
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), ciphertext.Length);
        var before = StoreSnapshot.Of(Store);

        await RawHttp.PutPartialAsync(baseAddress, $"/api/uploads/{id}/chunks/0", ciphertext.Length, ciphertext[..100_000], closeAfterPart: true, TimeSpan.FromSeconds(10));

        Assert.That(StoreSnapshot.Of(Store), Is.EqualTo(before));
        Assert.That(Store.Source().FindUpload(id)!.Received, Is.Zero);
        using var resend = await api.PutChunkAsync(id, 0, ciphertext);
        Assert.That(resend.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task PutChunk_SlowClient_408AndNothingKept()
    {
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), 1000);

        string answer = await RawHttp.PutPartialAsync(baseAddress, $"/api/uploads/{id}/chunks/0", 1000, new byte[10], closeAfterPart: false, TimeSpan.FromSeconds(15));

        Assert.That(answer, Does.StartWith("HTTP/1.1 408"));
        Assert.That(Store.Source().FindUpload(id)!.Received, Is.Zero);
    }

    [Test]
    public async Task Complete_NotAllBytes_409()
    {
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), 1000);
        using var response = await api.CompleteAsync(id);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [TestCase("hello, this is not an age file", Description = "plaintext")]
    [TestCase("age-encryption.org/v1\n-> X25519 abc\nAAAA\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\npayload", Description = "wrong stanza type")]
    [TestCase("age-encryption.org/v1\n-> mlkem768x25519 abc\nAAAA\n-> mlkem768x25519 abc\nAAAA\n--- AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\npayload", Description = "one stanza too many")]
    [TestCase("age-encryption.org/v1\n-> mlkem768x25519 abc\nAAAA\n--- AAAA\npayload", Description = "short MAC line")]
    public async Task Complete_NotAnAgeFileForOurRecipients_422AndUploadRemoved(string text)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(text);
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), bytes.Length);
        using var put = await api.PutChunkAsync(id, 0, bytes);
        var before = StoreSnapshot.Of(Store);

        using var response = await api.CompleteAsync(id);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(Store.Source().FindUpload(id), Is.Null);
        var after = StoreSnapshot.Of(Store);
        Assert.That(after.Items, Is.EqualTo(before.Items));
        Assert.That(after.Status with { PendingUploads = 0 }, Is.EqualTo(before.Status with { PendingUploads = 0 }));
        Assert.That(after.Status.PendingUploads, Is.EqualTo(before.Status.PendingUploads - 1));
    }

    [Test]
    public async Task Complete_Twice_SecondIs404()
    {
        byte[] ciphertext = await api.EncryptAsync(100);
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), ciphertext.Length);
        using var put = await api.PutChunkAsync(id, 0, ciphertext);
        using var first = await api.CompleteAsync(id);

        using var second = await api.CompleteAsync(id);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
