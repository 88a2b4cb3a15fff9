using System.Net.Sockets;
using System.Text;

namespace WhistleSubmit.Portal.Tests.Logging;

/// <summary>
/// Invariant 2 for logs: whatever a request carries (user agent, forwarded address, referrer, query, path,
/// cookies) appears in no log event and in no file under the data directory.
/// </summary>
public class RequestDataNotLoggedTests
{
    private const string UserAgent = "CanaryAgent/7f3a9c";
    private const string ForwardedFor = "203.0.113.77";
    private const string Referrer = "http://canary-referrer.example/page";
    private const string QueryCanary = "canaryquery51d2";
    private const string PathCanary = "canarypath8e41";
    private const string CookieCanary = "canarycookie0b9e";

    private static readonly string[] Canaries = [UserAgent, ForwardedFor, "canary-referrer", QueryCanary, PathCanary, CookieCanary];

    [Test]
    public async Task Requests_CarryingCanaries_LeaveNoTraceInLogsOrFiles()
    {
        var factory = new PortalFactory();
        string dataDirectory = factory.DataDirectory;
        CapturingSink log = factory.Log;
        try
        {
            Uri baseAddress = factory.Start();
            using var client = factory.CreatePlainClient(baseAddress);
            foreach (string path in PortalPages.All.Concat(["/", "/pow/challenge", $"/en/{PathCanary}", $"/{PathCanary}", "/css/portal.css"]))
            {
                using var response = await client.SendAsync(CanaryRequest($"{path}?q={QueryCanary}"));
            }

            using (var tooLarge = CanaryRequest("/en/"))
            {
                tooLarge.Headers.TryAddWithoutValidation("X-Padding", new string('x', 20_000));
                using var response = await client.SendAsync(tooLarge);
            }

            await SendRaw(baseAddress, $"GARBAGE /{PathCanary} HTTP/1.1\r\nUser-Agent: {UserAgent}\r\n\r\n");
            await SendRaw(baseAddress, $"POST /en/?q={QueryCanary} HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\nUser-Agent: {UserAgent}\r\n\r\n");
        }
        finally
        {
            factory.Dispose();
        }

        Assert.That(log.Events, Is.Not.Empty, "the capture must see the portal's own startup events");
        Assert.That(log.AllText, Does.Contain("DEMO MODE"));
        foreach (string canary in Canaries)
        {
            Assert.That(log.AllText, Does.Not.Contain(canary).IgnoreCase, canary);
        }

        Assert.That(log.AllText, Does.Not.Contain("RequestPath").And.Not.Contain("ConnectionId").And.Not.Contain("RequestId"));
        Assert.That(Directory.Exists(dataDirectory), Is.False, "the factory removes its data directory");
    }

    [Test]
    public async Task Requests_CarryingCanaries_WriteNothingOfThemUnderTheDataDirectory()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreatePlainClient(factory.Start());
        foreach (string path in PortalPages.All.Append($"/en/{PathCanary}"))
        {
            using var response = await client.SendAsync(CanaryRequest($"{path}?q={QueryCanary}"));
        }

        Assert.That(Directory.EnumerateFiles(factory.DataDirectory, "*", SearchOption.AllDirectories), Is.Not.Empty,
            "the demo identity and key ring live there");
        Assert.That(DataDirectoryCanaries.FilesContaining(factory.DataDirectory, Canaries.Append("127.0.0.1")), Is.Empty);
    }

    private static HttpRequestMessage CanaryRequest(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", ForwardedFor);
        request.Headers.TryAddWithoutValidation("Referer", Referrer);
        request.Headers.TryAddWithoutValidation("Cookie", $"session={CookieCanary}");
        return request;
    }

    /// <summary>Sends bytes Kestrel will reject, to cover its own bad-request logging.</summary>
    private static async Task SendRaw(Uri baseAddress, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The server may reset the connection after its error response: that is the point.
        }
    }
}
