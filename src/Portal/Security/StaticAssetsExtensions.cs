namespace WhistleSubmit.Portal.Security;

public static class StaticAssetsExtensions
{
    /// <summary>
    /// Serves wwwroot (our CSS, scripts and icon: nothing is ever loaded from elsewhere). No ETag or Last-Modified:
    /// a validator stored in the browser could recognise a returning visitor; with no-store there is nothing to
    /// revalidate anyway.
    /// </summary>
    public static IApplicationBuilder UseSelfHostedStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.Remove("ETag");
                context.Context.Response.Headers.Remove("Last-Modified");
            },
        });
}
