using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration.Team;

namespace WhistleSubmit.Portal.Configuration.Recipients;

public static class ReviewerKeysExtensions
{
    public static WebApplicationBuilder AddReviewerKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => ReviewerKeysLoader.Load(
            services.GetRequiredService<IOptions<PortalOptions>>().Value,
            services.GetRequiredService<PortalTeamKey>(),
            services.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>
    /// Loads the keys now, so a bad configuration stops the process before it listens, and tells the operator
    /// which keys are in use (or, loudly, that this is a demo).
    /// </summary>
    public static WebApplication LoadReviewerKeys(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<ReviewerKeys>();
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WhistleSubmit.Portal.Startup");
        if (keys.IsDemo)
        {
            logger.LogWarning(
                "DEMO MODE: submissions are encrypted to a demo identity created on this online machine ({IdentityFile}). " +
                "Anyone with access to this machine can read them. DO NOT USE THIS PORTAL FOR REAL REPORTS. " +
                "Install the reviewers' signed recipient set ({SignedFile}) and run with --production true.",
                options.DemoIdentityFile,
                options.SignedRecipientsFile);
        }

        logger.LogInformation("Recipient set issued {Issued:yyyy-MM-dd}, {Count} keys, verified under the team key", keys.Issued, keys.Keys.Count);
        foreach (var key in keys.Keys)
        {
            logger.LogInformation("Reviewer key {Name}: fingerprint {Fingerprint}", key.Name ?? "(unnamed)", key.Fingerprint);
        }

        return app;
    }
}
