using System.Globalization;
using Serilog;
using Serilog.Events;

namespace WhistleSubmit.Portal.Logging;

public static class PrivacyLoggingExtensions
{
    // No timestamp: the service manager stamps lines already, and second-exact times beside a source's activity
    // would help anyone correlating traffic. No properties beyond the message (see RequestDataScrubber).
    private const string Template = "[{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for the source side: no request logging of any kind (no UseSerilogRequestLogging), ASP.NET Core's
    /// own categories only from Warning up (its request, routing and hosting diagnostics are all below that), and
    /// request scopes scrubbed from whatever does get logged. Extra sinks and enrichers registered in DI are added
    /// (tests use that to capture every event).
    /// </summary>
    public static WebApplicationBuilder AddPrivacyLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)

            // A failed antiforgery check is a refused form, answered to the client; at Warning it wrote a timestamped
            // line for every such post (a journal flood on demand, and a time of each attempt).
            .MinimumLevel.Override("Microsoft.AspNetCore.Antiforgery", LogEventLevel.Error)
            .Enrich.With<RequestDataScrubber>()
            .Filter.ByExcluding(Security.DataProtectionExtensions.IsUnencryptedKeyRingWarning)
            .ReadFrom.Services(services)
            .WriteTo.Console(outputTemplate: Template, formatProvider: CultureInfo.InvariantCulture));
        return builder;
    }
}
