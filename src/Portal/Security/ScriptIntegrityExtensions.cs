namespace WhistleSubmit.Portal.Security;

public static class ScriptIntegrityExtensions
{
    /// <summary>Registers <see cref="ScriptIntegrity"/>, loaded from wwwroot/js/manifest.json when the app starts.</summary>
    public static WebApplicationBuilder AddScriptIntegrity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var environment = services.GetRequiredService<IWebHostEnvironment>();
            return ScriptIntegrity.Load(environment.WebRootFileProvider, environment.WebRootPath);
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
