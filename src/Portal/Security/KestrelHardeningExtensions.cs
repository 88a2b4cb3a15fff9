using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Security;

public static class KestrelHardeningExtensions
{
    /// <summary>The slowest any request body may arrive, after <see cref="BodyGracePeriod"/> (408 below).</summary>
    public const int MinBodyBytesPerSecond = 8 * 1024;

    public static readonly TimeSpan BodyGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Loopback only, HTTP/1.1 only, no Server header, and limits chosen for clients that reach us over Tor: slow and
    /// high-latency circuits must work, while a client that trickles bytes to hold connections open must not.
    /// </summary>
    public static WebApplicationBuilder AddHardenedKestrel(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStartupFilter, ConnectionBusyStartupFilter>();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var options = context.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();

            // Tor's onion service connects to 127.0.0.1; listening anywhere else would expose the portal directly.
            // An explicit Listen also overrides ASPNETCORE_URLS, so no setting can widen this by accident. Its own
            // connection limit: a flood here never reaches the reviewers' listener (Features/Transfer/Listener).
            var sourceConnections = new ConnectionLimiter(options.SourceMaxConnections);
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                listen.Use(sourceConnections.Middleware);
            });

            // The Server header names the software and version to anyone probing the onion address.
            kestrel.AddServerHeader = false;

            var limits = kestrel.Limits;

            // Pages and small API calls only by default; upload endpoints raise it for themselves, per request.
            limits.MaxRequestBodySize = 64 * 1024;

            // Tor Browser sends a short, uniform set of headers; big or numerous headers are someone else.
            limits.MaxRequestHeadersTotalSize = 16 * 1024;
            limits.MaxRequestHeaderCount = 50;
            limits.MaxRequestLineSize = 4 * 1024;

            // Every request body, as every chunk body (StoreOptions.MinChunkBytesPerSecond): below 8 KiB/s on average
            // after a 10 s grace a client is holding a connection open, not sending (a working Tor circuit carries far
            // more). It was 100 B/s, which let 512 slow bodies hold the sources' listener for hours. Responses keep a
            // low floor (a stalled circuit must not cut a page); a slow reader at the connection limit is closed as
            // the slowest connection (ConnectionLimiter).
            limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: MinBodyBytesPerSecond, gracePeriod: BodyGracePeriod);
            limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 100, gracePeriod: TimeSpan.FromSeconds(30));

            // A whole request header within 30 s even over a slow circuit (the default); slowloris gets no longer.
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);

            // Idle connections are cheap for an attacker to keep; a source's next request comes within seconds.
            limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);

            // Per listener instead (Portal:SourceMaxConnections, Portal:TransferMaxConnections; ConnectionLimiter):
            // one shared limit let idle connections on the sources' side lock the reviewers out.
            limits.MaxConcurrentConnections = null;
            limits.MaxConcurrentUpgradedConnections = 0;
        });
        return builder;
    }
}
