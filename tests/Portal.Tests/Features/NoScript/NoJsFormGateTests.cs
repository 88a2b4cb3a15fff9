using System.Net;
using System.Net.Sockets;
using System.Text;
using WhistleSubmit.Portal.Tests.Features.Submit;
using static WhistleSubmit.Portal.Tests.Features.Submit.NoJsFormClient;

namespace WhistleSubmit.Portal.Tests.Features.NoScript;

/// <summary>
/// The no-JS post gate (issue 15 audit) against the real server: a post takes one of the few slots only once its tokens
/// are valid, and the free disk it needs is reserved, so posts running together cannot each count the same space.
/// </summary>
public class NoJsFormGateTests
{
    private const long GiB = 1L << 30;
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;
    private HttpClient http = null!;

    [OneTimeSetUp]
    public void Start()
    {
        // Room for one 4 GiB post (spool and store: 8 GiB) with 4 GiB to spare either way, but not for two: whatever else
        // writes to this disk meanwhile, one fits and two do not. Only lengths are declared; nothing that large is sent.
        string temp = Path.GetTempPath();
        long free = new DriveInfo(temp).AvailableFreeSpace;
        if (free < 16 * GiB)
        {
            Assert.Inconclusive($"needs 16 GiB free in {temp}");
        }

        factory = new PortalFactory(new Dictionary<string, string>
        {
            ["Portal:NoJs:PostsAtOnce"] = "2",
            ["Portal:NoJs:FormTokenMinAgeSeconds"] = "0",
            ["Portal:NoJs:MaxTotalBytes"] = (8 * GiB).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:NoJs:MaxFileBytes"] = (8 * GiB).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Portal:Store:MinFreeBytes"] = (free - (12 * GiB)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        baseAddress = factory.Start();
        http = factory.CreatePlainClient(baseAddress);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        http?.Dispose();
        factory?.Dispose();
    }

    [Test]
    public async Task Post_SlotsHeldByPostsWithoutTokens_ValidReportStillStored()
    {
        // Two posts (as many as there are slots) that stop before their tokens, each one the server is reading (it
        // sent 100 Continue). Before, each had taken a slot first and the report below waited 10 s, then "busy".
        var held = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 2; i++)
            {
                held.Add(await StartPostAsync(cookie: string.Empty, contentLength: 100_000, expectContinue: true, first: []));
            }

            var form = new NoJsFormClient(http);
            await form.LoadAsync();
            var (status, html) = await form.PostAsync(Body([.. form.Tokens(), Field("description", "It happened.")]));

            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), html);
            Assert.That(html, Does.Contain("id=\"receipt\""));
        }
        finally
        {
            held.ForEach(t => t.Dispose());
        }
    }

    [Test]
    public async Task Post_TwoLargePostsAtOnce_SecondRefusedForTheSpaceTheFirstReserved()
    {
        var first = new NoJsFormClient(http);
        await first.LoadAsync();
        var second = new NoJsFormClient(http);
        await second.LoadAsync();
        string spool = Path.Combine(factory.DataDirectory, "spool");
        byte[] fileHead = Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n");

        // The first, 4 GiB declared, past the gate: its attachment is being spooled.
        using var running = await StartPostAsync(first.Cookie, 4 * GiB, expectContinue: false, [.. TokenBytes(first), .. fileHead, .. new byte[1000]]);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(Directory.Exists(spool) && Directory.EnumerateFiles(spool).Any()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.That(Directory.EnumerateFiles(spool), Is.Not.Empty, "the first post reached its attachment");

        // Before, the second saw the same free space, passed, and would have filled the disk half-way.
        using var refused = await StartPostAsync(second.Cookie, 4 * GiB, expectContinue: false, [.. TokenBytes(second), .. fileHead]);
        string answer = await ReadAnswerAsync(refused, TimeSpan.FromSeconds(30));

        Assert.That(answer, Does.StartWith("HTTP/1.1 503"));
        Assert.That(answer, Does.Contain("Nothing was stored"));
    }

    // The tokens' parts without the closing delimiter (the reader knows the ticket has ended only at the next part).
    private static byte[] TokenBytes(NoJsFormClient form)
    {
        byte[] body = Body(form.Tokens());
        return body[..^Encoding.ASCII.GetByteCount($"--{Boundary}--\r\n")];
    }

    private async Task<TcpClient> StartPostAsync(string cookie, long contentLength, bool expectContinue, byte[] first)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /en/submit HTTP/1.1\r\nHost: portal\r\nContent-Type: multipart/form-data; boundary={Boundary}\r\n" +
            $"Content-Length: {contentLength}\r\n" + (cookie.Length > 0 ? $"Cookie: {cookie}\r\n" : string.Empty) +
            (expectContinue ? "Expect: 100-continue\r\n" : string.Empty) + "\r\n"));
        if (expectContinue)
        {
            Assert.That(await ReadAnswerAsync(tcp, TimeSpan.FromSeconds(30)), Does.StartWith("HTTP/1.1 100"));
        }

        await stream.WriteAsync(first);
        return tcp;
    }

    private static async Task<string> ReadAnswerAsync(TcpClient tcp, TimeSpan wait)
    {
        byte[] buffer = new byte[64 * 1024];
        using var cancel = new CancellationTokenSource(wait);
        int read = await tcp.GetStream().ReadAsync(buffer, cancel.Token);
        var text = new StringBuilder(Encoding.UTF8.GetString(buffer, 0, read));

        // The rest of a page, if any, arrives right behind its head.
        while (tcp.Available > 0 || (text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && !text.ToString().Contains("</html>", StringComparison.Ordinal) && !text.ToString().StartsWith("HTTP/1.1 100", StringComparison.Ordinal)))
        {
            read = await tcp.GetStream().ReadAsync(buffer, cancel.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
