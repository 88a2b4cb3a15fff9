using System.Net.Sockets;
using System.Text;

namespace WhistleSubmit.Portal.Tests.Features.Upload;

/// <summary>Requests HttpClient will not send: bodies that stop half-way or trickle in.</summary>
internal static class RawHttp
{
    /// <summary>Sends raw bytes as they are and returns everything the server answers until it closes (or the wait ends).</summary>
    public static async Task<byte[]> SendAsync(Uri baseAddress, byte[] request, TimeSpan wait)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(request);
        await stream.FlushAsync();
        using var cancel = new CancellationTokenSource(wait);
        var answer = new MemoryStream();
        byte[] buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                answer.Write(buffer, 0, n);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Reset after the answer, or still open at the end of the wait: the caller looks at what arrived.
        }

        return answer.ToArray();
    }

    /// <summary>Sends a PUT announcing contentLength bytes but only the given part, then waits for an answer or close.</summary>
    public static async Task<string> PutPartialAsync(Uri baseAddress, string path, long contentLength, byte[] part, bool closeAfterPart, TimeSpan wait)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
        var stream = tcp.GetStream();
        string head = $"PUT {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nContent-Type: application/octet-stream\r\n" +
            $"Content-Length: {contentLength}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(part);
        await stream.FlushAsync();
        if (closeAfterPart)
        {
            tcp.Client.Shutdown(SocketShutdown.Send);
        }

        using var cancel = new CancellationTokenSource(wait);
        var answer = new MemoryStream();
        byte[] buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer, cancel.Token)) > 0)
            {
                answer.Write(buffer, 0, n);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Closed or reset by the server, or no answer within the wait: the caller checks the store either way.
        }

        return Encoding.ASCII.GetString(answer.ToArray());
    }
}
