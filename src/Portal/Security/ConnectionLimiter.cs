using Microsoft.AspNetCore.Connections;

namespace WhistleSubmit.Portal.Security;

/// <summary>
/// One listener's connection limit, in place of Kestrel's single limit for the whole server: a flood of connections on
/// the sources' listener never takes the reviewers' (each listener has its own count). At the limit a new connection
/// closes the oldest one that is not in the middle of a request (an idle keep-alive, or one still trickling its request
/// headers) instead of being refused, so connections that do nothing cannot keep real clients out. When every
/// connection is busy with a request, it closes the slowest: the one that has moved the fewest bytes per second since it
/// opened (read and written, <see cref="CountingDuplexPipe"/>). Holding the whole listener therefore costs an attacker
/// more bandwidth on each connection than the real clients' slowest transfer, not merely requests kept open at the
/// minimum data rate (which Kestrel starts to enforce only after its grace period, and only while a body is read).
/// </summary>
public sealed class ConnectionLimiter(int maxConnections)
{
    private readonly LinkedList<ConnectionSlot> open = new();
    private readonly Lock gate = new();

    public int MaxConnections { get; } = maxConnections;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return open.Count;
            }
        }
    }

    /// <summary>The connection middleware for this listener (<c>ListenOptions.Use</c>).</summary>
    public ConnectionDelegate Middleware(ConnectionDelegate next) => async connection =>
    {
        var slot = new ConnectionSlot(connection);
        ConnectionSlot? evicted = null;
        lock (gate)
        {
            if (open.Count >= MaxConnections)
            {
                evicted = OldestIdle() ?? Slowest();
                if (evicted is null)
                {
                    connection.Abort(new ConnectionAbortedException("The listener's connection limit is reached."));
                    return;
                }

                open.Remove(evicted.Node!);
                evicted.Node = null;
            }

            slot.Node = open.AddLast(slot);
        }

        evicted?.Connection.Abort(new ConnectionAbortedException("Closed to make room at the connection limit."));
        connection.Features.Set(slot);
        connection.Transport = new CountingDuplexPipe(connection.Transport, slot);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            lock (gate)
            {
                if (slot.Node is { } node)
                {
                    open.Remove(node);
                    slot.Node = null;
                }
            }
        }
    };

    private ConnectionSlot? OldestIdle()
    {
        for (var node = open.First; node is not null; node = node.Next)
        {
            if (!node.Value.Busy)
            {
                return node.Value;
            }
        }

        return null;
    }

    private ConnectionSlot? Slowest()
    {
        long now = Environment.TickCount64;
        ConnectionSlot? slowest = null;
        double slowestRate = double.MaxValue;
        for (var node = open.First; node is not null; node = node.Next)
        {
            double rate = node.Value.BytesPerSecond(now);
            if (rate < slowestRate)
            {
                slowest = node.Value;
                slowestRate = rate;
            }
        }

        return slowest;
    }
}

/// <summary>A connection's place in its listener's count; requests mark it busy while they run.</summary>
public sealed class ConnectionSlot(ConnectionContext connection)
{
    private readonly long opened = Environment.TickCount64;
    private int requests;
    private long bytes;

    internal ConnectionContext Connection { get; } = connection;

    internal LinkedListNode<ConnectionSlot>? Node { get; set; }

    public bool Busy => Volatile.Read(ref requests) > 0;

    public void Enter() => Interlocked.Increment(ref requests);

    public void Exit() => Interlocked.Decrement(ref requests);

    internal void Moved(long count) => Interlocked.Add(ref bytes, count);

    // Over at least a second, so that a connection just opened is not judged on its first instant.
    internal double BytesPerSecond(long now) => Interlocked.Read(ref bytes) / (Math.Max(1000, now - opened) / 1000.0);
}

/// <summary>Marks the connection busy for as long as a request runs, first thing in the pipeline.</summary>
internal sealed class ConnectionBusyStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var slot = context.Features.Get<ConnectionSlot>();
            slot?.Enter();
            try
            {
                await nextMiddleware(context).ConfigureAwait(false);
            }
            finally
            {
                slot?.Exit();
            }
        });
        next(app);
    };
}
