using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Tests.Admin;
using WhistleSubmit.Portal.Tests.Features.Submit;
using WhistleSubmit.Portal.Tests.Features.Transfer;
using WhistleSubmit.Portal.Tests.Features.Upload;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.TestSupport;

namespace WhistleSubmit.Portal.Tests.Seizure;

/// <summary>
/// Issue 14, the realistic day: the real portal process through a day and the year after it (libfaketime moves its
/// clock for the last two runs), with a SIGKILL in the middle of an upload and of an export, then the whole check of
/// <see cref="ShortDay_DataDirectorySeizedWithKeyRing_RevealsOnlyTheDocumentedList"/> plus: nothing in clear in
/// transfer/, no mailbox id outside the store's encryption, nothing of a confirmed item anywhere (SECURITY.md#what-a-seized-portal-reveals).
/// </summary>
public partial class PortalSeizureTests
{
    private const string FakeTimeLibrary = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";

    [Test]
    public async Task RealisticDayAndTheYearAfter_SeizedWithKeyRing_RevealsOnlyTheDocumentedList()
    {
        if (!File.Exists(FakeTimeLibrary))
        {
            Assert.Ignore("needs libfaketime for the days after (apt-get install -y faketime)");
        }

        using var temp = new TempDirectory("whistle-seizure-day-");
        string data = Directory.CreateDirectory(temp.File("data")).FullName;
        string token = UploadApi.NewToken();
        string abandonedToken = UploadApi.NewToken();
        string killedToken = UploadApi.NewToken();
        string laterToken = UploadApi.NewToken();
        string codename;
        string noJsToken;

        // Morning: JS submission and follow-up with files, an abandoned upload, a no-JS report with an attachment, JS
        // mailbox checks; then SIGKILL mid-upload.
        using (var server = await PortalProcess.StartServerAsync(data))
        using (var http = SourceClient(server.Address))
        {
            var api = new UploadApi(http);
            await UploadAsync(api, "submission", token, 70_000);
            await UploadAsync(api, "followup", token, 5_000);
            byte[] abandoned = await EncryptAsync(api, 9_000);
            Assert.That(await api.CreateOkAsync("submission", abandonedToken, abandoned.Length), Is.Not.Empty);

            (codename, noJsToken) = await NoJsReportAndFollowupAsync(http);
            await CheckMailboxAsync(http, token);

            byte[] large = await EncryptAsync(api, 3_000_000);
            string killedId = await api.CreateOkAsync("submission", killedToken, large.Length);
            var put = api.PutChunkAsync(killedId, 0, large.AsMemory(0, Math.Min(UploadApi.ChunkSize, large.Length)));
            await Task.Delay(Random.Shared.Next(0, 300));
            server.Kill();
            await Task.WhenAny(put, Task.Delay(TimeSpan.FromSeconds(30)));
        }

        // Midday: a reviewer logs in on the transfer listener, prepares the export and downloads it; then a later
        // submission, and a second export SIGKILLed while it is being written.
        string bundleSha;
        IReadOnlyList<string> exported;
        using (var server = await PortalProcess.StartServerAsync(data))
        using (var http = SourceClient(server.Address))
        {
            var added = await PortalProcess.RunVerbAsync(data, "reviewer", "add", "ana");
            Assert.That(added.ExitCode, Is.Zero, added.Stderr);
            var reviewer = Reviewer.Parse("ana", added.Stdout);
            using var transfer = new TransferHttp(server.TransferAddress);
            await transfer.LoginAndSetPassphraseAsync(reviewer);
            (bundleSha, exported) = await PrepareAndDownloadAsync(transfer, data);
            Assert.That(exported, Has.Count.EqualTo(3), "two JS items and the no-JS report");

            await UploadAsync(new UploadApi(http), "submission", laterToken, 2_500_000);
            string form = await transfer.TokenAsync("/en/transfer");
            var prepare = transfer.PostFormAsync("/en/transfer", new Dictionary<string, string> { ["__transfer_af"] = form });
            await WaitForAsync(() => Directory.EnumerateFiles(Path.Combine(data, "transfer"), "export-*").Any() || prepare.IsCompleted, "the export to start");
            server.Kill();
        }

        // Afternoon: replies imported for the first mailbox, the source reads them, the first bundle confirmed.
        using (var server = await PortalProcess.StartServerAsync(data))
        using (var http = SourceClient(server.Address))
        {
            using TeamSigningKey team = DemoTeamKey.LoadOrCreate(Path.Combine(data, "demo-team-key.txt"), TimeProvider.System);
            string replies = temp.File("replies.wsbundle");
            WriteReplies(replies, SourceKeys.MailboxIdFromToken(Convert.FromHexString(token)), team);
            var import = await PortalProcess.RunVerbAsync(data, "import-replies", replies);
            Assert.That(import.ExitCode, Is.Zero, import.Stderr);
            await CheckMailboxAsync(http, token);

            string receipt = temp.File("receipt.json");
            File.WriteAllBytes(receipt, new ImportReceipt { BundleSha256 = bundleSha, Items = exported, AuditHead = new string('c', 64) }.ToSignedDocument(team));
            var confirm = await PortalProcess.RunVerbAsync(data, "confirm", receipt);
            Assert.That(confirm.ExitCode, Is.Zero, confirm.Stderr);
            Assert.That(confirm.Stdout, Does.Contain("deleted 3 confirmed items").And.Contain("store compacted"));
            await StopCleanlyAsync(server.Process);
        }

        // Two days later the abandoned and the killed uploads have expired; a year after, retention has deleted every
        // mailbox with nothing left (the replies expired after 180 days).
        await LiveThroughAsync(data, "+2d", status => status.Contains("unfinished uploads 0", StringComparison.Ordinal));
        await LiveThroughAsync(data, "+400d", status => status.Contains("mailboxes          1\n", StringComparison.Ordinal));

        string[] mailboxIds = [.. new[] { token, abandonedToken, killedToken, laterToken, noJsToken }
            .Select(t => SourceKeys.MailboxIdFromToken(Convert.FromHexString(t)))];
        string[] secrets = [token, abandonedToken, killedToken, laterToken, noJsToken, codename, UserAgentCanary, AddressCanary, LanguageCanary, FileNameCanary, TextCanary];

        // Raw files: no secret, no mailbox id (those live only inside the store's encryption), no confirmed item id.
        Assert.That(DataDirectoryCanaries.FilesContaining(data, [.. secrets, .. mailboxIds, .. exported]), Is.Empty);
        AssertFileTimesAreDays(data);
        AssertTransferDirectoryEncrypted(data);

        // The store, opened with the key ring: only the documented fields, no time of day, no secret, nothing confirmed.
        using var seized = new StoreFixture(data);
        var records = seized.Store.Read(db => db.GetCollectionNames().ToDictionary(
            name => name, name => db.GetCollection(name).FindAll().ToList(), StringComparer.Ordinal));
        Assert.That(records["items"].Select(d => d["mailbox"].AsString), Is.EqualTo(new[] { mailboxIds[3] }), "only the later submission is left");
        Assert.That(records["uploads"], Is.Empty);
        Assert.That(records["mailboxes"].Select(d => d["_id"].AsString), Is.EqualTo(new[] { mailboxIds[3] }));
        var nows = new[] { DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(2), DateTimeOffset.UtcNow.AddDays(400) };
        foreach (var (name, documents) in records)
        {
            Assert.That(Revealed.ContainsKey(name), Is.True, $"collection {name} is not in the documented list");
            foreach (var document in documents)
            {
                Assert.That(document.Keys, Is.SubsetOf(Revealed[name]), name);
                Walk(name, document, nows, [.. secrets, .. exported]);
            }
        }
    }

    private static HttpClient SourceClient(Uri address)
    {
        // No cookie jar: the no-JS pages' antiforgery cookie is carried by NoJsFormClient, as each page load gets its own.
        var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = address };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgentCanary);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", AddressCanary);
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(LanguageCanary);
        return http;
    }

    private static async Task CheckMailboxAsync(HttpClient http, string token)
    {
        foreach (var (method, path) in new[] { (HttpMethod.Get, "/api/mailbox/replies"), (HttpMethod.Post, "/api/mailbox/read") })
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("X-Mailbox-Token", token);
            using var response = await http.SendAsync(request);
            Assert.That(response.IsSuccessStatusCode, Is.True, path);
        }
    }

    // The no-JS path: a report with an attachment; the codename shown once is a canary.
    private static async Task<(string Codename, string MailboxToken)> NoJsReportAndFollowupAsync(HttpClient http)
    {
        var form = new NoJsFormClient(http);
        await form.LoadAsync();
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        var (status, html) = await form.PostAsync(NoJsFormClient.Body(
            [.. form.Tokens(), NoJsFormClient.Field("description", TextCanary), ("files", FileNameCanary, Encoding.UTF8.GetBytes(TextCanary + " attached"))]));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        string codename = WebUtility.HtmlDecode(CodenameParagraph().Match(html).Groups[1].Value);
        Assert.That(codename.Split(' '), Has.Length.EqualTo(8), html);

        // The codename's mailbox token, as the no-JS mailbox derives it: a canary like the JS tokens.
        using var keys = SourceKeys.Derive(codename);
        string mailboxToken = Convert.ToHexStringLower(keys.MailboxToken);
        return (codename, mailboxToken);
    }

    private static async Task<(string Sha256, IReadOnlyList<string> Items)> PrepareAndDownloadAsync(TransferHttp transfer, string data)
    {
        string form = await transfer.TokenAsync("/en/transfer");
        var (status, body, _) = await transfer.PostFormAsync("/en/transfer", new Dictionary<string, string> { ["__transfer_af"] = form });
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        string sha = BundleLink().Match(body).Groups[1].Value;
        Assert.That(sha, Has.Length.EqualTo(64), body);

        var (downloaded, _, response) = await transfer.GetAsync($"/en/transfer/bundles/{sha}");
        Assert.That(downloaded, Is.EqualTo(HttpStatusCode.OK));
        byte[] bundle = await response.Content.ReadAsByteArrayAsync();
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(bundle)), Is.EqualTo(sha), "the download is the bundle its name hashes");
        byte[] atRest = File.ReadAllBytes(Path.Combine(data, "transfer", sha + ".wsbundle"));
        Assert.That(atRest.AsSpan().IndexOf(bundle.AsSpan(0, 512)), Is.EqualTo(-1), "the file on disk is not the bundle in clear");
        using var reader = BundleReader.Open(new MemoryStream(bundle));
        return (sha, [.. reader.Manifest.Items.Select(i => i.Id)]);
    }

    private static void WriteReplies(string path, string mailboxId, TeamSigningKey team)
    {
        byte[] reply = AgeEncryption.Encrypt(Encoding.UTF8.GetBytes("a reply"), [AgeKeys.ParseRecipient(TestKeys.NewRecipient())]);
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(DateTime.UtcNow), team);
        writer.Add(BundleItem.NewId(), mailboxId, BundleItemKind.Reply, reply.Length, () => new MemoryStream(reply));
        using var file = File.Create(path);
        writer.WriteTo(file);
    }

    // Starts the portal with its clock moved by libfaketime (the monotonic clock and file times left alone), waits
    // until its status shows what the sweeps at start-up must have done, and stops it as systemd does.
    private static async Task LiveThroughAsync(string data, string offset, Func<string, bool> done)
    {
        var start = PortalServer.StartInfo(["--data", data, "--port", "0", "--transfer-port", "0"], new Dictionary<string, string?>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["LD_PRELOAD"] = FakeTimeLibrary,
            ["FAKETIME"] = offset,
            ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",

            // File times as they are: faked ones would make a crash's leftover look new to the sweep.
            ["NO_FAKE_STAT"] = "1",
        });
        using var server = await PortalServer.StartAsync(start, TimeSpan.FromSeconds(60));
        string status = string.Empty;
        await WaitForAsync(async () => done(status = (await PortalProcess.RunVerbAsync(data, "status")).Stdout), () => $"{offset}: {status}");
        await StopCleanlyAsync(server.Process);
    }

    private static void AssertTransferDirectoryEncrypted(string data)
    {
        string transfer = Path.Combine(data, "transfer");
        foreach (string file in Directory.Exists(transfer) ? Directory.EnumerateFiles(transfer) : [])
        {
            Assert.That(Path.GetFileName(file), Does.Match("^[0-9a-f]{64}\\.wsbundle$"), "a crash's leftovers are swept");
            using var stream = File.OpenRead(file);
            var header = new byte[22];
            stream.ReadExactly(header);
            Assert.That(Encoding.ASCII.GetString(header), Is.EqualTo("age-encryption.org/v1\n"), file);
        }
    }

    private static Task WaitForAsync(Func<bool> condition, string what) =>
        WaitForAsync(() => Task.FromResult(condition()), () => what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, Func<string> what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await condition())
        {
            Assert.That(timeout.IsCancellationRequested, Is.False, what);
            await Task.Delay(50);
        }
    }

    [GeneratedRegex("<p class=\"codename\" id=\"codename\" lang=\"en\">([^<]+)</p>")]
    private static partial Regex CodenameParagraph();

    [GeneratedRegex("/en/transfer/bundles/([0-9a-f]{64})")]
    private static partial Regex BundleLink();
}
