using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>Refused uploads on the transfer pages: a clear answer, and nothing stored, deleted or left behind.</summary>
public class TransferUploadTests
{
    private PortalFactory factory = null!;
    private TransferHttp http = null!;
    private string mailbox = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = new PortalFactory(new Dictionary<string, string> { ["Portal:Transfer:MaxRepliesBundleBytes"] = "16384" });
        factory.Start();
        (mailbox, _) = TransferData.StoreItems(factory, ItemKind.Submission);
        http = new TransferHttp(factory.TransferAddress);
        await http.LoginAndSetPassphraseAsync(Reviewer.Add(factory, "ana"));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        http.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Replies_OverTheLimit_413AndNothingStored()
    {
        byte[] big = TransferData.RepliesBundle(factory, Enumerable.Repeat(mailbox, 40).ToArray());
        Assert.That(big, Has.Length.GreaterThan(16384));

        var (status, body, _) = await Upload("/en/transfer/replies", big, "replies.wsbundle");

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body, Does.Contain("larger than this form accepts"));
        AssertNothingChanged();
    }

    [Test]
    public async Task Replies_NotABundle_422AndNothingStored()
    {
        var (status, body, _) = await Upload("/en/transfer/replies", "not a tar file at all"u8.ToArray(), "replies.wsbundle");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body, Does.Contain("not a valid bundle"));
        AssertNothingChanged();
    }

    [Test]
    public async Task Replies_SubmissionsBundle_422AndNothingStored()
    {
        var writer = new BundleWriter(BundleKind.Submissions, DateOnly.FromDateTime(DateTime.UtcNow));
        writer.Add(BundleItem.NewId(), mailbox, BundleItemKind.Submission, 3, () => new MemoryStream([1, 2, 3]));
        using var bundle = new MemoryStream();
        writer.WriteTo(bundle);

        var (status, body, _) = await Upload("/en/transfer/replies", bundle.ToArray(), "submissions.wsbundle");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body, Does.Contain("submissions bundle, not a replies bundle"));
        AssertNothingChanged();
    }

    [Test]
    public async Task Receipt_MalformedOrForAnUnknownBundle_422AndNothingDeleted()
    {
        var (malformed, malformedBody, _) = await Upload("/en/transfer/receipt", "{\"v\":1,\"bundleSha256\":\"x\",\"items\":[]}"u8.ToArray(), "receipt.json");
        byte[] unknown = TransferData.SignedReceipt(factory, new string('e', 64), [factory.Services.GetRequiredService<TransferStore>().ListItems()[0].Id]);
        var (stranger, strangerBody, _) = await Upload("/es/transfer/receipt", unknown, "receipt.json");

        Assert.That(malformed, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(malformedBody, Does.Contain("not a valid import receipt"));
        Assert.That(stranger, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(strangerBody, Does.Contain("Ningún paquete en espera de recibo tiene este SHA-256"));
        AssertNothingChanged();
    }

    [Test]
    public async Task Receipt_UnsignedOrForeign_422NamingTheFixAndNothingDeleted()
    {
        string item = factory.Services.GetRequiredService<TransferStore>().ListItems()[0].Id;
        using var other = new WhistleSubmit.TestSupport.TestTeam();
        byte[] v1 = new ImportReceipt { V = 1, BundleSha256 = new string('e', 64), Items = [item] }.ToJson();
        byte[] foreign = new ImportReceipt { BundleSha256 = new string('e', 64), Items = [item], AuditHead = TransferData.AuditHead }.ToSignedDocument(other.Key);

        var (unsigned, unsignedBody, _) = await Upload("/en/transfer/receipt", v1, "receipt.json");
        var (stranger, strangerBody, _) = await Upload("/en/transfer/receipt", foreign, "receipt.json");

        Assert.That(unsigned, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(unsignedBody, Does.Contain("unsigned (version 1) receipt").And.Contain("run &#x27;whistle-review import&#x27; on the same bundle again"));
        Assert.That(stranger, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(strangerBody, Does.Contain("not signed with this portal&#x27;s team key (" + other.PublicKey.DisplayFingerprint + ")"));
        AssertNothingChanged();
    }

    [Test]
    public async Task Replies_Unsigned_422AndNothingStored()
    {
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(DateTime.UtcNow));
        writer.Add(BundleItem.NewId(), mailbox, BundleItemKind.Reply, 3, () => new MemoryStream([1, 2, 3]));
        using var bundle = new MemoryStream();
        writer.WriteTo(bundle);

        var (status, body, _) = await Upload("/en/transfer/replies", bundle.ToArray(), "replies.wsbundle");

        Assert.That(status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(body, Does.Contain("not signed with the team key"));
        AssertNothingChanged();
    }

    [Test]
    public async Task Upload_ExtraFieldAfterTheFile_400AndNothingStored()
    {
        string token = await http.TokenAsync("/en/transfer/replies");
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__transfer_af" },
            { new ByteArrayContent(TransferData.RepliesBundle(factory, mailbox)), "file", "replies.wsbundle" },
            { new StringContent("more"), "extra" },
        };

        var (status, _, _) = await SendMultipart("/en/transfer/replies", content);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        AssertNothingChanged();
    }

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> Upload(string path, byte[] file, string name)
    {
        string token = await http.TokenAsync(path);
        return await http.PostFileAsync(path, token, file, name);
    }

    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> SendMultipart(string path, MultipartFormDataContent content)
    {
        using var client = new HttpClient { BaseAddress = factory.TransferAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Cookie", string.Join("; ", http.Cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private void AssertNothingChanged()
    {
        var store = factory.Services.GetRequiredService<PortalDatabase>();
        Assert.That(store.Transfer().ListItems().Select(i => i.Kind), Is.EqualTo(new[] { ItemKind.Submission }));
        string transfer = Path.Combine(factory.DataDirectory, "transfer");
        Assert.That(Directory.Exists(transfer) ? Directory.GetFiles(transfer) : [], Is.Empty, "no upload left behind");
    }
}
