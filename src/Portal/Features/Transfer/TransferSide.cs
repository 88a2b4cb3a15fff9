using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Features.Transfer.Listener;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Features.Transfer.Retention;
using WhistleSubmit.Portal.Features.Transfer.Sessions;

namespace WhistleSubmit.Portal.Features.Transfer;

public static partial class TransferSide
{
    /// <summary>
    /// The reviewers' transfer interface: a second loopback listener (Portal:TransferPort, default 5081) whose
    /// connections alone reach the pages under Features/Transfer, the accounts, sessions and audit behind them, and
    /// the retention service.
    /// </summary>
    public static WebApplicationBuilder AddTransferSide(this WebApplicationBuilder builder)
    {
        var listener = new TransferListener();
        builder.Services.AddSingleton(listener);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var portal = context.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
            listener.Configure(kestrel, portal.TransferPort, portal.TransferMaxConnections);
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ListenerMatcherPolicy>());

        builder.Services.AddOptions<TransferOptions>().BindConfiguration(TransferOptions.Section)
            .Validate<IOptions<PortalOptions>>((o, portal) => o.IsValid(portal.Value.Production),
                "Portal:Transfer settings are out of range (in production Argon2 needs at least 19 MiB and 2 passes).")
            .ValidateOnStart();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .Validate(o => o.IsValid(), "Portal:Retention settings are out of range.")
            .ValidateOnStart();
        builder.Services.AddSingleton(s => s.GetRequiredService<IOptions<TransferOptions>>().Value);
        builder.Services.AddSingleton(s => s.GetRequiredService<IOptions<RetentionOptions>>().Value);

        builder.Services.AddSingleton<PasswordHasher>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<TotpReplayGuard>();
        builder.Services.AddSingleton<ReviewerSessions>();
        builder.Services.AddSingleton<TransferAntiforgery>();
        builder.Services.AddSingleton<TransferAudit>();
        builder.Services.AddSingleton<LoginService>();
        builder.Services.AddSingleton<TransferOperations>();
        builder.Services.AddSingleton<TransferBundles>();
        builder.Services.AddSingleton<RetentionReport>();
        builder.Services.AddSingleton<TransferPageFilter>();
        builder.Services.AddSingleton<RetentionService>();
        builder.Services.AddHostedService(s => s.GetRequiredService<RetentionService>());

        builder.Services.Configure<RazorPagesOptions>(options => options.Conventions.AddFolderApplicationModelConvention("/Transfer", page =>
        {
            page.EndpointMetadata.Add(TransferEndpoint.Metadata);

            // Not the source side's antiforgery (its cookie is not __Host-): TransferPageFilter checks the transfer's own.
            page.Filters.Add(new IgnoreAntiforgeryTokenAttribute());
            page.Filters.Add(new ServiceFilterAttribute(typeof(TransferPageFilter)));
        }));
        return builder;
    }

    /// <summary>The transfer listener's bare address goes to its dashboard (or, without a session, the login page).</summary>
    public static WebApplication MapTransferSide(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect($"/{Localization.Languages.Default.Code}/transfer")).WithMetadata(TransferEndpoint.Metadata);
        // Created now, at the start, not at the first login: its replay barrier is measured from its creation.
        app.Services.GetRequiredService<TotpReplayGuard>();
        var listener = app.Services.GetRequiredService<TransferListener>();
        app.Lifetime.ApplicationStarted.Register(() => LogListening(app.Logger, listener.Address?.ToString() ?? "(not bound)"));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transfer interface (reviewers only; reach it through its own onion service) on: {Address}")]
    private static partial void LogListening(ILogger logger, string address);
}
