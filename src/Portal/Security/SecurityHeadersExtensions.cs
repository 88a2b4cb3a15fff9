using WhistleSubmit.Portal.Features.Transfer.Listener;

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
            context.Response.OnStarting(static state => Apply((HttpContext)state), context);
            return next(context);
        });

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;

        // By the socket the request came in on: the reviewers' listener has its own, stricter policy.
        var required = TransferConnection.Is(context) ? SecurityHeaders.TransferRequired : SecurityHeaders.Required;
        foreach (var (name, value) in required)
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
