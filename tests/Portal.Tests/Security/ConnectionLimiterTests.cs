using System.Net;
using System.Net.Sockets;

namespace WhistleSubmit.Portal.Tests.Security;

/// <summary>
/// Issue 15: idle connections on the sources' listener used to fill the server's one connection limit (512) and lock
/// the reviewers out too. Each listener now has its own limit, and at it the oldest idle connection makes room.
/// </summary>
public class ConnectionLimiterTests
{
    [Test]
    public async Task IdleConnectionFlood_OnSourceSide_SourcesAndReviewersStillServed()
    {
        using var factory = new PortalFactory();
        var source = factory.Start();
        using var client = factory.CreatePlainClient(source);
        using var transfer = factory.CreatePlainClient(factory.TransferAddress);
        var flood = new List<TcpClient>();
        try
        {
            for (int i = 0; i < 600; i++)
            {
                var tcp = new TcpClient();
                await tcp.ConnectAsync(source.Host, source.Port);
                flood.Add(tcp);
            }

            // Every flood connection is one the server has taken up (it answers a request on the last one).
            var last = flood[^1].GetStream();
            await last.WriteAsync("GET /en/ HTTP/1.1\r\nHost: portal\r\n\r\n"u8.ToArray());
            byte[] answer = new byte[16];
            int read = await last.ReadAsync(answer);
            Assert.That(System.Text.Encoding.ASCII.GetString(answer, 0, read), Does.StartWith("HTTP/1.1 200"));

            using var page = await client.GetAsync(new Uri("/en/", UriKind.Relative));
            using var login = await transfer.GetAsync(new Uri("/en/transfer/login", UriKind.Relative));

            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a source still gets the page");
            Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the reviewers' listener is not affected");
        }
        finally
        {
            flood.ForEach(t => t.Dispose());
        }
    }

    [Test]
    public async Task SlowBodiesHoldEveryConnection_RealSourceStillServed()
    {
        using var factory = new PortalFactory(new Dictionary<string, string> { ["Portal:SourceMaxConnections"] = "16" });
        var source = factory.Start();
        using var client = factory.CreatePlainClient(source);
        var flood = new List<TcpClient>();
        try
        {
            // Every connection busy with a request whose body trickles (a create of 4 KiB): the server has started to
            // read each body when it sends 100 Continue, so each is counted busy before the source arrives.
            for (int i = 0; i < 16; i++)
            {
                var tcp = new TcpClient();
                flood.Add(tcp);
                await tcp.ConnectAsync(source.Host, source.Port);
                var stream = tcp.GetStream();
                await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
                    "POST /api/uploads HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: 4096\r\nExpect: 100-continue\r\n\r\n"));
                byte[] answer = new byte[64];
                int read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.That(System.Text.Encoding.ASCII.GetString(answer, 0, read), Does.StartWith("HTTP/1.1 100"));
                await stream.WriteAsync("{"u8.ToArray());
            }

            // Before, with every connection busy, the source's connection was refused.
            using var page = await client.GetAsync(new Uri("/en/", UriKind.Relative));

            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the slowest busy connection made room");
        }
        finally
        {
            flood.ForEach(t => t.Dispose());
        }
    }

    [Test]
    public async Task RequestBody_Under8KiBPerSecond_408AfterTheGrace()
    {
        using var factory = new PortalFactory();
        var source = factory.Start();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(source.Host, source.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(
            "POST /api/uploads HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n"));

        // 400 B/s: the old floor (100 B/s after 30 s) let this hold the connection for ten seconds per 4 KiB, at will.
        byte[] answer = new byte[64];
        var read = stream.ReadAsync(answer).AsTask();
        var started = DateTime.UtcNow;
        for (int sent = 0; sent < 4000 && !read.IsCompleted; sent += 100)
        {
            await stream.WriteAsync(new byte[100].Select(_ => (byte)' ').ToArray());
            await Task.WhenAny(read, Task.Delay(250));
        }

        // Then silence: the floor (an average over the whole body, after 10 s) is crossed at once; the old one at 40 s.
        await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(15)));

        Assert.That(read.IsCompleted, Is.True, $"no answer after {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        Assert.That(System.Text.Encoding.ASCII.GetString(answer, 0, await read), Does.StartWith("HTTP/1.1 408"));
    }
}
