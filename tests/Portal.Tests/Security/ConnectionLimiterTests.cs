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
}
