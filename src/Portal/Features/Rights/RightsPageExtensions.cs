using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Features.Rights;

public static class RightsPageExtensions
{
    public static WebApplicationBuilder AddRightsPage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => RightsTexts.Load(services.GetRequiredService<IOptions<PortalOptions>>().Value));
        return builder;
    }

    /// <summary>Reads the texts now, so a bad operator file stops the process before it listens, and says which text each language serves.</summary>
    public static WebApplication LoadRightsPage(this WebApplication app)
    {
        var texts = app.Services.GetRequiredService<RightsTexts>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WhistleSubmit.Portal.Startup");
        foreach (var language in Localization.Languages.All)
        {
            bool own = texts.FromOperator.Contains(language.Code);
            logger.LogInformation(
                "Rights page ({Language}): {Source}",
                language.Code,
                own ? $"the operator's {RightsTexts.FileName(language.Code)}" : "the built-in text (counsel must review it before real use: deploy/README.md)");
        }

        return app;
    }
}
