namespace WhistleSubmit.Portal.Security;

public static class ScriptIntegrityExtensions
{
    /// <summary>Registers <see cref="ScriptIntegrity"/>, loaded from wwwroot/js/manifest.json when the app starts.</summary>
    public static WebApplicationBuilder AddScriptIntegrity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
            ScriptIntegrity.Load(services.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        return builder;
    }

    /// <summary>Loads the manifest now, so a missing or stale bundle stops startup rather than the first page.</summary>
    public static WebApplication LoadScriptIntegrity(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<ScriptIntegrity>().Available)
        {
            app.Logger.LogWarning("No web root: pages go out without the browser-encryption script; forms use the no-JavaScript path.");
        }

        return app;
    }
}
