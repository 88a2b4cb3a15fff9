using System.Text;
using WhistleSubmit.Portal.Security;
using WhistleSubmit.Portal.Tests.Features.Upload;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>
/// Responses Kestrel writes itself, before any middleware runs, so they cannot carry the security headers (SECURITY.md,
/// "Responses without the security headers"): pinned to exactly a status line, Content-Length: 0, Connection: close
/// and Date, and no body. Anything that reaches the application gets every header, including Kestrel's own body-limit
/// and body-format rejections.
/// </summary>
public class KestrelRejectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private PortalFactory factory = null!;
    private Uri baseAddress = null!;

    private static IEnumerable<TestCaseData> KestrelOnly()
    {
        yield return Case("GARBAGE / HTTP/1.1\r\n\r\n", 400, "malformed request line");
        yield return Case("GET /en/ HTTP/1.1\r\n\r\n", 400, "no Host header");
        yield return Case("GET http://elsewhere.example/en/ HTTP/1.1\r\nHost: x\r\n\r\n", 400, "absolute target not matching Host");
        yield return Case("POST /api/uploads HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400, "malformed Content-Length");
        yield return Case("POST /api/uploads HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400, "Transfer-Encoding without chunked");
        yield return Case("GET /en/ HTTP/1.1\r\nHost: x\r\nX-Pad: " + new string('x', 20_000) + "\r\n\r\n", 431, "headers over 16 KiB");
        yield return Case("GET /en/ HTTP/1.1\r\nHost: x\r\n" + string.Concat(Enumerable.Range(0, 60).Select(i => $"X-H{i}: 1\r\n")) + "\r\n", 431, "over 50 headers");
        yield return Case("GET /" + new string('a', 5000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "request line over 4 KiB");
        yield return Case("GET /en/ HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP version other than 1.x");
    }

    private static IEnumerable<TestCaseData> ReachesTheApplication()
    {
        yield return Case("POST /api/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 999999\r\n\r\n", 413, "Content-Length over the route's body limit");
        yield return Case("POST /api/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n" + new string('x', 8192) + "\r\n", 413, "chunked body over the limit");
        yield return Case("POST /api/uploads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n", 400, "malformed chunk size");
        yield return Case("DELETE /api/config HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "method not allowed");
        yield return Case("TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "TRACE");
        yield return Case("GET /nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 404, "no such route");
    }

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        baseAddress = factory.Start();
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [TestCaseSource(nameof(KestrelOnly))]
    public async Task MalformedRequest_RejectedByKestrel_EmptyClosingResponseWithNothingElse(string request, int status)
    {
        var (statusLine, headers, body) = Parse(await RawHttp.SendAsync(baseAddress, Encoding.ASCII.GetBytes(request), Wait));

        Assert.That(statusLine, Does.StartWith($"HTTP/1.1 {status} "));
        Assert.That(headers.Keys, Is.EquivalentTo(new[] { "Content-Length", "Connection", "Date" }));
        Assert.That(headers["Content-Length"], Is.EqualTo("0"));
        Assert.That(headers["Connection"], Is.EqualTo("close"));
        Assert.That(body, Is.Empty);
    }

    [TestCaseSource(nameof(ReachesTheApplication))]
    public async Task BadRequest_ReachingTheApplication_CarriesEverySecurityHeader(string request, int status)
    {
        var (statusLine, headers, _) = Parse(await RawHttp.SendAsync(baseAddress, Encoding.ASCII.GetBytes(request), Wait));

        Assert.That(statusLine, Does.StartWith($"HTTP/1.1 {status} "));
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in SecurityHeaders.Required)
            {
                Assert.That(headers.GetValueOrDefault(name), Is.EqualTo(value), name);
            }

            foreach (string name in SecurityHeaders.Forbidden)
            {
                Assert.That(headers.ContainsKey(name), Is.False, name);
            }
        });
    }

    private static TestCaseData Case(string request, int status, string description) =>
        new TestCaseData(request, status) { TestName = $"{{m}}({status}, {description})" };

    private static (string StatusLine, Dictionary<string, string> Headers, byte[] Body) Parse(byte[] response)
    {
        int end = response.AsSpan().IndexOf("\r\n\r\n"u8);
        Assert.That(end, Is.GreaterThan(0), "a complete response head");
        string[] lines = Encoding.ASCII.GetString(response, 0, end).Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        return (lines[0], headers, response[(end + 4)..]);
    }
}
