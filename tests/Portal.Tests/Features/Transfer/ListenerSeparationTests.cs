using System.Net;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>
/// The two listeners of one process: which side a request is on depends only on the socket it arrived on. Each
/// side's routes are 404 on the other, whatever Host header a client sends.
/// </summary>
public class ListenerSeparationTests
{
    private PortalFactory factory = null!;
    private Uri source = null!;
    private Uri transfer = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        source = factory.Start();
        transfer = factory.TransferAddress;
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [TestCase("/en/transfer/login")]
    [TestCase("/en/transfer")]
    [TestCase("/es/transfer/audit")]
    [TestCase("/en/transfer/bundles/0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task TransferRoute_OnSourceListener_NotFound(string path)
    {
        using var client = factory.CreatePlainClient(source);

        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var post = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/en/")]
    [TestCase("/en/submit")]
    [TestCase("/es/mailbox")]
    [TestCase("/en/about")]
    [TestCase("/api/config")]
    [TestCase("/pow/challenge")]
    [TestCase("/js/portal.js")]
    [TestCase("/js/team.js")]
    public async Task SourceRoute_OnTransferListener_NotFound(string path)
    {
        using var client = factory.CreatePlainClient(transfer);

        using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var post = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task TransferRoute_SourceListenerWithTransferHostHeader_NotFound()
    {
        using var client = factory.CreatePlainClient(source);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/transfer/login");
        request.Headers.Host = transfer.Authority;

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task SourceRoute_TransferListenerWithSourceHostHeader_NotFound()
    {
        using var client = factory.CreatePlainClient(transfer);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/submit");
        request.Headers.Host = source.Authority;

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Root_EachListener_RedirectsToItsOwnSide()
    {
        using var sourceClient = factory.CreatePlainClient(source);
        using var transferClient = factory.CreatePlainClient(transfer);

        using var fromSource = await sourceClient.GetAsync(new Uri("/", UriKind.Relative));
        using var fromTransfer = await transferClient.GetAsync(new Uri("/", UriKind.Relative));

        Assert.That(fromSource.Headers.Location?.ToString(), Is.EqualTo("/en/"));
        Assert.That(fromTransfer.Headers.Location?.ToString(), Is.EqualTo("/en/transfer"));
    }

    [Test]
    public async Task TransferPage_Headers_NoScriptPolicyAndNoStore()
    {
        using var client = factory.CreatePlainClient(transfer);

        using var response = await client.GetAsync(new Uri("/en/transfer/login", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'none'").And.Contain("default-src 'none'"));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(response.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        Assert.That(response.Headers.Contains("Server"), Is.False);
    }

    [Test]
    public async Task SourcePage_Headers_StillTheSourcePolicy()
    {
        using var client = factory.CreatePlainClient(source);

        using var response = await client.GetAsync(new Uri("/en/", UriKind.Relative));

        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task Stylesheets_TransferListener_Served()
    {
        using var client = factory.CreatePlainClient(transfer);

        using var portal = await client.GetAsync(new Uri("/css/portal.css", UriKind.Relative));
        using var own = await client.GetAsync(new Uri("/css/transfer.css", UriKind.Relative));

        Assert.That(portal.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
