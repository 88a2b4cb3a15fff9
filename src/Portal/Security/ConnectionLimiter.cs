using Microsoft.AspNetCore.Connections;

namespace WhistleSubmit.Portal.Security;

/// <summary>
/// One listener's connection limit, in place of Kestrel's single limit for the whole server: a flood of connections on
/// the sources' listener never takes the reviewers' (each listener has its own count). At the limit a new connection
/// closes the oldest one that is not in the middle of a request (an idle keep-alive, or one still trickling its request
/// headers) instead of being refused, so connections that do nothing cannot keep real clients out; only when every
/// connection is busy with a request is the new one refused. Busy requests are bounded by Kestrel's minimum data rates.
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
                evicted = OldestIdle();
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
}

/// <summary>A connection's place in its listener's count; requests mark it busy while they run.</summary>
public sealed class ConnectionSlot(ConnectionContext connection)
{
    private int requests;

    internal ConnectionContext Connection { get; } = connection;

    internal LinkedListNode<ConnectionSlot>? Node { get; set; }

    public bool Busy => Volatile.Read(ref requests) > 0;

    public void Enter() => Interlocked.Increment(ref requests);

    public void Exit() => Interlocked.Decrement(ref requests);
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
