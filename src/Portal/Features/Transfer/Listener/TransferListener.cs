using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace WhistleSubmit.Portal.Features.Transfer.Listener;

/// <summary>
/// The reviewers' listener: a second loopback socket of the same Kestrel server, whose connections are marked with
/// <see cref="TransferConnection"/>. Knows its bound port once the server has started (port 0 in tests).
/// </summary>
public sealed class TransferListener
{
    private ListenOptions? listen;

    /// <summary>The bound address, e.g. http://127.0.0.1:5081/; null before the server has started.</summary>
    public Uri? Address => listen?.IPEndPoint is { Port: > 0 } endpoint ? new Uri($"http://{endpoint}/") : null;

    /// <summary>Adds the listener to Kestrel (called from Kestrel's configuration, after the source listener's).</summary>
    public void Configure(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions kestrel, int port, int maxConnections)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        var connections = new WhistleSubmit.Portal.Security.ConnectionLimiter(maxConnections);
        kestrel.Listen(IPAddress.Loopback, port, options =>
        {
            options.Protocols = HttpProtocols.Http1;
            options.Use(connections.Middleware);
            options.Use(next => connection =>
            {
                connection.Features.Set(TransferConnection.Instance);
                return next(connection);
            });
            listen = options;
        });
    }
}
