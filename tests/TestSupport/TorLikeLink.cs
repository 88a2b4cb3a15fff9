using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace WhistleSubmit.TestSupport;

/// <summary>
/// The shape of a Tor circuit: a bandwidth shared by every connection in each direction, a round trip drawn per
/// connection, and optionally a connection reset after every so many bytes sent upstream (a circuit that breaks in the
/// middle of a chunk). tc netem is not available on these machines, so latency and cuts live in this proxy.
/// </summary>
/// <param name="BytesPerSecond">Each direction's bandwidth (Tor: about 100 KB/s to 1 MB/s).</param>
/// <param name="MinRoundTrip">Shortest round trip (Tor: about 300 ms).</param>
/// <param name="MaxRoundTrip">Longest round trip (Tor: about 800 ms).</param>
/// <param name="CutEveryUpstreamBytes">Reset the connection carrying the request after this many upstream bytes; null: never.</param>
public sealed record LinkShape(int BytesPerSecond, TimeSpan MinRoundTrip, TimeSpan MaxRoundTrip, long? CutEveryUpstreamBytes = null)
{
    public static LinkShape Tor(int bytesPerSecond = 1_000_000, long? cutEveryUpstreamBytes = null) =>
        new(bytesPerSecond, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(800), cutEveryUpstreamBytes);
}

/// <summary>
/// A TCP proxy on 127.0.0.1 between a browser and a server that behaves like a Tor link (<see cref="LinkShape"/>),
/// and that can go down: <see cref="GoDown"/> resets every open connection at once, mid-transfer, and refuses new ones
/// for a while.
/// </summary>
public sealed class TorLikeLink : IAsyncDisposable
{
    private const int Slice = 16 * 1024;
    private readonly TcpListener listener;
    private readonly IPEndPoint upstream;
    private readonly LinkShape shape;
    private readonly TokenBucket up;
    private readonly TokenBucket down;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Socket> open = [];
    private readonly Task accepting;
    private long upstreamSinceCut;
    private long downUntilTicks;

    public TorLikeLink(Uri server, LinkShape shape)
    {
        upstream = new IPEndPoint(IPAddress.Parse(server.Host), server.Port);
        this.shape = shape;
        up = new TokenBucket(shape.BytesPerSecond);
        down = new TokenBucket(shape.BytesPerSecond);
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary>Where the browser connects instead of the server.</summary>
    public Uri Address { get; }

    /// <summary>Bytes carried from the browser to the server so far.</summary>
    public long UpstreamBytes => Interlocked.Read(ref upstreamTotal);

    /// <summary>Connections reset so far (by <see cref="LinkShape.CutEveryUpstreamBytes"/> or <see cref="GoDown"/>).</summary>
    public int Cuts => cuts;

    /// <summary>Connections refused while the link was down.</summary>
    public int Refused => refused;

    private long upstreamTotal;
    private int cuts;
    private int refused;

    /// <summary>Resets every open connection now and refuses new ones for <paramref name="duration"/>.</summary>
    public void GoDown(TimeSpan duration)
    {
        Interlocked.Exchange(ref downUntilTicks, DateTime.UtcNow.Add(duration).Ticks);
        Socket[] all;
        lock (open)
        {
            all = [.. open];
        }

        foreach (var socket in all)
        {
            Reset(socket);
            Interlocked.Increment(ref cuts);
        }
    }

    private bool IsDown => DateTime.UtcNow.Ticks < Interlocked.Read(ref downUntilTicks);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (IsDown)
            {
                Interlocked.Increment(ref refused);
                Reset(client);
                continue;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        lock (open)
        {
            open.Add(client);
            open.Add(server);
        }

        try
        {
            await server.ConnectAsync(upstream, stopping.Token);
            // One way is half the round trip, drawn once per connection (one circuit).
            double rtt = shape.MinRoundTrip.TotalMilliseconds + (Random.Shared.NextDouble() * (shape.MaxRoundTrip - shape.MinRoundTrip).TotalMilliseconds);
            var oneWay = TimeSpan.FromMilliseconds(rtt / 2);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            Task a = PumpAsync(client, server, up, oneWay, upstream: true, client, done.Token);
            Task b = PumpAsync(server, client, down, oneWay, upstream: false, client, done.Token);
            await Task.WhenAny(a, b);
            await done.CancelAsync();
            await Task.WhenAll(a.ContinueWith(_ => { }, TaskScheduler.Default), b.ContinueWith(_ => { }, TaskScheduler.Default));
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The link's failures are the point; nothing to report.
        }
        finally
        {
            lock (open)
            {
                open.Remove(client);
                open.Remove(server);
            }

            Reset(client);
            Reset(server);
        }
    }

    /// <summary>Reads from one side, holds each slice for the one-way delay, then sends it at the bucket's rate.</summary>
    private async Task PumpAsync(Socket from, Socket to, TokenBucket bucket, TimeSpan oneWay, bool upstream, Socket client, CancellationToken cancel)
    {
        var inFlight = Channel.CreateUnbounded<(long Due, byte[] Data)>();
        Task sending = Task.Run(
            async () =>
            {
                await foreach (var (due, data) in inFlight.Reader.ReadAllAsync(cancel))
                {
                    var wait = TimeSpan.FromTicks(due - DateTime.UtcNow.Ticks);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, cancel);
                    }

                    await bucket.TakeAsync(data.Length, cancel);
                    if (upstream && shape.CutEveryUpstreamBytes is { } every && Interlocked.Add(ref upstreamSinceCut, data.Length) > every)
                    {
                        // Half of this slice gets through, then the circuit breaks: a chunk cut off in its middle.
                        Interlocked.Exchange(ref upstreamSinceCut, 0);
                        await to.SendAsync(data.AsMemory(0, data.Length / 2), cancel);
                        Interlocked.Increment(ref cuts);
                        Reset(client);
                        return;
                    }

                    await to.SendAsync(data, cancel);
                    if (upstream)
                    {
                        Interlocked.Add(ref upstreamTotal, data.Length);
                    }
                }
            },
            cancel);
        var buffer = new byte[Slice];
        try
        {
            for (;;)
            {
                int n = await from.ReceiveAsync(buffer, cancel);
                if (n == 0)
                {
                    break;
                }

                await inFlight.Writer.WriteAsync((DateTime.UtcNow.Add(oneWay).Ticks, buffer[..n]), cancel);
            }
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }

        await sending;
        to.Shutdown(SocketShutdown.Send);
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        GoDown(TimeSpan.Zero);
        stopping.Dispose();
    }

    /// <summary>A token bucket with one second of burst, shared by every connection in one direction.</summary>
    private sealed class TokenBucket(int bytesPerSecond)
    {
        private readonly SemaphoreSlim gate = new(1, 1);
        private double tokens = bytesPerSecond;
        private long lastTicks = DateTime.UtcNow.Ticks;

        public async Task TakeAsync(int count, CancellationToken cancel)
        {
            await gate.WaitAsync(cancel);
            try
            {
                long now = DateTime.UtcNow.Ticks;
                tokens = Math.Min(bytesPerSecond, tokens + (bytesPerSecond * TimeSpan.FromTicks(now - lastTicks).TotalSeconds));
                lastTicks = now;
                tokens -= count;
                if (tokens < 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(-tokens / bytesPerSecond), cancel);
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
