using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Features.Transfer.Listener;

namespace WhistleSubmit.Portal.Security;

public static class StaticAssetsExtensions
{
    // The reviewers' listener gets the stylesheets and the icon, none of the source side's scripts.
    private static readonly HashSet<string> TransferAssets = new(StringComparer.Ordinal) { "/css/portal.css", "/css/transfer.css", "/favicon.svg" };

    /// <summary>
    /// Serves wwwroot (our CSS, scripts and icon: nothing is ever loaded from elsewhere). No ETag or Last-Modified:
    /// a validator stored in the browser could recognise a returning visitor; with no-store there is nothing to
    /// revalidate anyway. js/team.js comes from the configured team key (<see cref="TeamScriptFileProvider"/>).
    /// </summary>
    public static IApplicationBuilder UseSelfHostedStaticFiles(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IWebHostEnvironment>();
        var files = new TeamScriptFileProvider(app.ApplicationServices.GetRequiredService<PortalTeamKey>(), environment.WebRootFileProvider);
        return app.UseWhen(
            context => !TransferConnection.Is(context) || TransferAssets.Contains(context.Request.Path.Value ?? string.Empty),
            branch => branch.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = context =>
                {
                    context.Context.Response.Headers.Remove("ETag");
                    context.Context.Response.Headers.Remove("Last-Modified");
                },
            }));
    }
}
