using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Features.Upload;

namespace WhistleSubmit.Portal.Tests.Features.Mailbox;

public class MailboxApiEndpointsTests
{
    private PortalFactory factory = null!;
    private HttpClient client = null!;

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        client = factory.CreatePlainClient(factory.Start());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Add("X-Mailbox-Token", token);
        }

        return client.SendAsync(request);
    }

    [TestCase(null)]
    [TestCase("abc")]
    public async Task GetReplies_MissingOrMalformedToken_400(string? token)
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/mailbox/replies", token);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task GetReplies_UnknownMailbox_404()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/mailbox/replies", UploadApi.NewToken());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task GetReplies_KnownMailbox_CiphertextInBase64ThenReadMarksRead()
    {
        string token = UploadApi.NewToken();
        string mailbox = SourceKeys.MailboxIdFromToken(Convert.FromHexString(token));
        Store.EnsureMailbox(mailbox);
        string id = WhistleSubmit.Crypto.Bundles.BundleItem.NewId();
        Store.Transfer().StoreReply(id, mailbox, new MemoryStream([1, 2, 3]));

        using var replies = await SendAsync(HttpMethod.Get, "/api/mailbox/replies", token);
        var body = await replies.Content.ReadFromJsonAsync<JsonObject>();
        int unreadBefore = Store.Transfer().Status().UnreadReplies;
        using var read = await SendAsync(HttpMethod.Post, "/api/mailbox/read", token);

        Assert.That(replies.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var reply = body!["replies"]!.AsArray().Single()!;
        Assert.That(reply["id"]!.GetValue<string>(), Is.EqualTo(id));
        Assert.That(reply["ciphertext"]!.GetValue<string>(), Is.EqualTo("AQID"));
        Assert.That(reply["day"]!.GetValue<string>(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Store.Transfer().Status().UnreadReplies, Is.EqualTo(unreadBefore - 1));
    }

    [Test]
    public async Task MarkRead_UnknownMailbox_404()
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/mailbox/read", UploadApi.NewToken());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
