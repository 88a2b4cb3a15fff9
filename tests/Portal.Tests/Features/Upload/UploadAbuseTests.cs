using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using WhistleSubmit.Crypto.ProofOfWork;
using WhistleSubmit.Portal.Features.ProofOfWork;

namespace WhistleSubmit.Portal.Tests.Features.Upload;

/// <summary>Issue 15's attacks on the upload API, performed against the real server: each must cost or fail.</summary>
public class UploadAbuseTests
{
    private static PortalFactory Start(out UploadApi api, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Portal:ProofOfWork:BaseBits"] = "4",
            ["Portal:ProofOfWork:MaxBits"] = "12",
            ["Portal:ProofOfWork:SizeStepBytes"] = "1048576",
            ["Portal:Store:MaxUploadBytes"] = "20000000",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var factory = new PortalFactory(settings);
        api = new UploadApi(factory.CreatePlainClient(factory.Start()));
        return factory;
    }

    private static async Task<ChallengeResponse> ChallengeAsync(HttpClient client, string query = "") =>
        (await client.GetFromJsonAsync<ChallengeResponse>(new Uri("/pow/challenge" + query, UriKind.Relative)))!;

    [Test]
    public async Task Challenge_LargerDeclaredSize_CostsMoreWork()
    {
        using var factory = Start(out var api);
        using var client = api.Client;

        var small = await ChallengeAsync(client, "?size=1000");
        var large = await ChallengeAsync(client, "?size=16777216");

        Assert.That(small.DifficultyBits, Is.EqualTo(4));
        Assert.That(large.DifficultyBits, Is.EqualTo(8), "1 MiB buys the base; 16 MiB is four doublings more");
    }

    [TestCase("?size=0")]
    [TestCase("?size=01")]
    [TestCase("?size=-1")]
    [TestCase("?size=20000001")]
    [TestCase("?size=1&size=2")]
    public async Task Challenge_MalformedSize_400(string query)
    {
        using var factory = Start(out var api);
        using var client = api.Client;

        using var response = await client.GetAsync(new Uri("/pow/challenge" + query, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Create_ChallengePricedForSmallerUpload_403()
    {
        using var factory = Start(out var api);
        using var client = api.Client;
        var cheap = await ChallengeAsync(client, "?size=1000");

        using var response = await api.CreateAsync("submission", UploadApi.NewToken(), 16 << 20,
            new JsonObject { ["token"] = cheap.Token, ["nonce"] = ProofOfWorkSolver.Solve(cheap.Token) });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Create_UnfinishedUploadsPileUp_DifficultyRises()
    {
        using var factory = Start(out var api, ("Portal:ProofOfWork:UploadsPerStep", "2"), ("Portal:ProofOfWork:SessionsPerStep", "2"));
        using var client = api.Client;
        int quiet = (await ChallengeAsync(client)).DifficultyBits;

        // An attacker's uploads, created and never completed.
        for (int i = 0; i < 6; i++)
        {
            await api.CreateOkAsync("submission", UploadApi.NewToken(), 1000);
        }

        Assert.That(quiet, Is.EqualTo(4));
        Assert.That((await ChallengeAsync(client)).DifficultyBits, Is.GreaterThanOrEqualTo(quiet + 4),
            "six creates: +2 bits for the rate (2 per step), +2 for the six held (2 per step)");
    }

    [Test]
    public async Task PutChunk_SlowBodiesOnOneUpload_OtherUploadsStillServed()
    {
        using var factory = Start(
            out var api, ("Portal:Store:MaxConcurrentChunkBodies", "2"), ("Portal:Store:ChunkReadTimeoutSeconds", "20"));
        using var client = api.Client;
        string attacker = await api.CreateOkAsync("submission", UploadApi.NewToken(), 5 << 20);
        byte[] legitFile = await api.EncryptAsync(100_000);
        string legit = await api.CreateOkAsync("submission", UploadApi.NewToken(), legitFile.Length);
        var uri = client.BaseAddress!;

        // Two slow PUTs of the attacker's chunk 0 (as many as there are body buffers), a few bytes each so far.
        using var first = new TcpClient();
        using var second = new TcpClient();
        foreach (var tcp in new[] { first, second })
        {
            await tcp.ConnectAsync(uri.Host, uri.Port);
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(
                $"PUT /api/uploads/{attacker}/chunks/0 HTTP/1.1\r\nHost: portal\r\nContent-Type: application/octet-stream\r\nContent-Length: {4 << 20}\r\n\r\n" +
                new string('x', 1000)));
        }

        // The second is refused at once: one body per upload.
        byte[] answer = new byte[64];
        int read = await second.GetStream().ReadAsync(answer);
        Assert.That(Encoding.ASCII.GetString(answer, 0, read), Does.StartWith("HTTP/1.1 409"));

        using var put = await api.PutChunkAsync(legit, 0, legitFile);

        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a real source's chunk finds a buffer");
    }

    [Test]
    public async Task PutChunk_EmptyBodiesEveryFewHundredMilliseconds_UploadStillGoesIdleAndFreesItsWindow()
    {
        // Room for one window only: while the attacker's upload is active, nobody else can start.
        using var factory = Start(
            out var api, ("Portal:Store:ReservationWindowBytes", "4194304"), ("Portal:Store:GlobalQuotaBytes", "6291456"),
            ("Portal:Store:MinFreeBytes", "0"), ("Portal:Store:UploadIdleSeconds", "1"));
        using var client = api.Client;
        string attacker = await api.CreateOkAsync("submission", UploadApi.NewToken(), 5 << 20);
        using (var refused = await api.CreateAsync("submission", UploadApi.NewToken(), 4 << 20, await api.SolvedPowAsync(4 << 20)))
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "the attacker's window fills the quota");
        }

        // Empty PUTs (refused: 400) must not count as activity; before, each one kept the window for another idle time.
        HttpStatusCode created = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (created != HttpStatusCode.Created && DateTime.UtcNow < deadline)
        {
            using var empty = await api.PutChunkAsync(attacker, 0, ReadOnlyMemory<byte>.Empty);
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            await Task.Delay(200);
            using var legit = await api.CreateAsync("submission", UploadApi.NewToken(), 4 << 20, await api.SolvedPowAsync(4 << 20));
            created = legit.StatusCode;
        }

        Assert.That(created, Is.EqualTo(HttpStatusCode.Created), "once idle, the attacker's upload holds no window whatever it sends");
    }

    [Test]
    public async Task Create_TinyUploadsFillTheTable_IdleOnesMakeRoomAndThePriceStaysUp()
    {
        using var factory = Start(
            out var api, ("Portal:Store:MaxPendingUploads", "4"), ("Portal:Store:UploadIdleSeconds", "1"),
            ("Portal:ProofOfWork:SessionsPerStep", "2"), ("Portal:ProofOfWork:UploadsPerStep", "100000"));
        using var client = api.Client;
        var tiny = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            // Each sends its one byte (so it is not empty) and is never completed.
            string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), 1);
            using var put = await api.PutChunkAsync(id, 0, new byte[1]);
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            tiny.Add(id);
        }

        // Wait until they are idle: a fifth upload then takes the place of the one idle longest (before: 503 for a day).
        HttpStatusCode status = default;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (status != HttpStatusCode.Created && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var legit = await api.CreateAsync("submission", UploadApi.NewToken(), 1000, await api.SolvedPowAsync(1000));
            status = legit.StatusCode;
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.Created));
        using (var gone = await client.GetAsync(new Uri($"/api/uploads/{tiny[0]}", UriKind.Relative)))
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the oldest idle upload made room");
        }

        // Idle or not, four unfinished uploads are held: 4 + log2(1 + 4/2) bits (before: back to 4 once idle).
        Assert.That((await ChallengeAsync(client)).DifficultyBits, Is.EqualTo(5));
    }

    [Test]
    public async Task RemoveExpiredUploads_UploadIdlePastAbandonedTime_RemovedWithItsBytes()
    {
        using var factory = Start(
            out var api, ("Portal:Store:UploadIdleSeconds", "1"), ("Portal:Store:UploadAbandonedSeconds", "1"),
            ("Portal:Store:ExpirySweepSeconds", "1"));
        using var client = api.Client;
        string id = await api.CreateOkAsync("submission", UploadApi.NewToken(), 1);
        using (var put = await api.PutChunkAsync(id, 0, new byte[1]))
        {
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        HttpStatusCode status = HttpStatusCode.OK;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (status == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var state = await client.GetAsync(new Uri($"/api/uploads/{id}", UriKind.Relative));
            status = state.StatusCode;
        }

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound), "an unfinished upload ages out (before: kept to the day after)");
    }

    [Test]
    public async Task Create_ChallengesCollectedWhileQuiet_RefusedOnceTheLoadRaisedThePrice()
    {
        using var factory = Start(out var api, ("Portal:ProofOfWork:SessionsPerStep", "1"), ("Portal:ProofOfWork:UploadsPerStep", "1"));
        using var client = api.Client;
        var stock = new List<JsonObject>();
        for (int i = 0; i < 3; i++)
        {
            stock.Add(await api.SolvedPowAsync(1000));
        }

        using var first = await api.CreateAsync("submission", UploadApi.NewToken(), 1000, stock[0]);
        using var second = await api.CreateAsync("submission", UploadApi.NewToken(), 1000, stock[1]);
        using var fresh = await api.CreateAsync("submission", UploadApi.NewToken(), 1000, await api.SolvedPowAsync(1000));

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "one create later the price is 2 bits up: the quiet challenge buys nothing");
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.Created), "a challenge at the current price does");
    }
}
