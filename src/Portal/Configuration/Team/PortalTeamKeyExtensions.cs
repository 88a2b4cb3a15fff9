using Microsoft.Extensions.Options;

namespace WhistleSubmit.Portal.Configuration.Team;

public static class PortalTeamKeyExtensions
{
    public static WebApplicationBuilder AddPortalTeamKey(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => PortalTeamKeyLoader.Load(
            services.GetRequiredService<IOptions<PortalOptions>>().Value,
            services.GetRequiredService<TimeProvider>()));
        return builder;
    }

    /// <summary>Loads the key now, so a bad configuration stops the process before it listens, and names it (or, loudly, the demo).</summary>
    public static WebApplication LoadPortalTeamKey(this WebApplication app)
    {
        var team = app.Services.GetRequiredService<PortalTeamKey>();
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WhistleSubmit.Portal.Startup");
        if (team.IsDemo)
        {
            logger.LogWarning(
                "DEMO MODE: the team signing key was created on this online machine ({KeyFile}). " +
                "DO NOT USE THIS PORTAL FOR REAL REPORTS. Put the reviewers' team.pub in {TeamFile} and run with --production true.",
                options.DemoTeamKeyFile,
                options.TeamPublicKeyFile);
        }

        logger.LogInformation(
            "Team key: fingerprint {Fingerprint}; {Script} {Integrity}",
            team.Public.DisplayFingerprint,
            PortalTeamKey.ScriptPath,
            team.Integrity);
        return app;
    }
}
