namespace WhistleSubmit.Portal.Security;

public static class SecurityHeadersExtensions
{
    /// <summary>
    /// Sets the security headers on every response the application writes, error responses included: they are
    /// applied just before the headers go out, after every other component (static files, error handling) has
    /// had its say.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state => Apply(((HttpContext)state).Response.Headers), context);
            return next(context);
        });

    private static Task Apply(IHeaderDictionary headers)
    {
        foreach (var (name, value) in SecurityHeaders.Required)
        {
            headers[name] = value;
        }

        foreach (string name in SecurityHeaders.Forbidden)
        {
            headers.Remove(name);
        }

        return Task.CompletedTask;
    }
}
