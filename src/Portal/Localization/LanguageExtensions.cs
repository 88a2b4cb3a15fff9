namespace WhistleSubmit.Portal.Localization;

public static class LanguageExtensions
{
    public static WebApplicationBuilder AddPortalLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<LanguageRouteConstraint>(LanguageRouteConstraint.Name));
        return builder;
    }

    /// <summary>The bare address goes to the English pages, where the switch to Spanish is the first link.</summary>
    public static WebApplication MapLanguageRedirect(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect($"/{Languages.Default.Code}/"));
        return app;
    }
}
