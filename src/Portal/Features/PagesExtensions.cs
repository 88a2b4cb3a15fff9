namespace WhistleSubmit.Portal.Features;

public static class PagesExtensions
{
    /// <summary>Razor Pages, organised by feature under Features/ rather than in a Pages folder.</summary>
    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");
        return builder;
    }

    public static WebApplication MapPortalPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
