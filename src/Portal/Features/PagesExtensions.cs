using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace WhistleSubmit.Portal.Features;

public static class PagesExtensions
{
    /// <summary>Razor Pages, organised by feature under Features/ rather than in a Pages folder.</summary>
    public static WebApplicationBuilder AddPortalPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options => options.RootDirectory = "/Features");

        // Spanish text goes out as UTF-8, not as numeric entities: smaller pages, readable source. Razor still
        // escapes everything that matters for HTML (<, >, &, quotes).
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapPortalPages(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
