using WhistleSubmit.Portal.Configuration.Team;

namespace WhistleSubmit.Portal.Security;

public static class ScriptIntegrityExtensions
{
    /// <summary>
    /// Registers <see cref="ScriptIntegrity"/>, loaded from wwwroot/js/manifest.json when the app starts, plus team.js.
    /// The web root is checked first, so a broken one stops startup before a demo team key is created.
    /// </summary>
    public static WebApplicationBuilder AddScriptIntegrity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var environment = services.GetRequiredService<IWebHostEnvironment>();
            var bundle = ScriptIntegrity.Load(environment.WebRootFileProvider, environment.WebRootPath);
            var team = services.GetRequiredService<PortalTeamKey>();
            return bundle.With(PortalTeamKey.ScriptName, team.Integrity);
        });
        return builder;
    }

    /// <summary>Loads the manifest now, so a missing web root or a stale bundle stops startup rather than the first page.</summary>
    public static WebApplication LoadScriptIntegrity(this WebApplication app)
    {
        app.Services.GetRequiredService<ScriptIntegrity>();
        return app;
    }
}
