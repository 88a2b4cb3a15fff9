using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>
/// Runs before every transfer page handler: finds the session (or sends the browser to the login page), keeps a
/// session with a one-time password on the passphrase page, and refuses any url-encoded post without a valid
/// antiforgery token. Multipart posts go through only to the pages marked <see cref="ChecksAntiforgeryInBodyAttribute"/>,
/// which check the token as their first field, before a byte of the file is read; any other page refuses them.
/// </summary>
public sealed class TransferPageFilter(ReviewerSessions sessions, TransferAntiforgery antiforgery) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var pageType = context.ActionDescriptor.HandlerTypeInfo;
        string lang = TransferLanguages.Current(context.RouteData).Code;
        var session = sessions.Find(http.Request.Cookies[TransferCookies.Session]);
        if (session is null && http.Request.Cookies.ContainsKey(TransferCookies.Session))
        {
            TransferCookies.Delete(http.Response, TransferCookies.Session);
        }

        if (session is null && !pageType.IsDefined(typeof(AllowWithoutSessionAttribute), inherit: false))
        {
            context.Result = new RedirectResult($"/{lang}/transfer/login");
            return;
        }

        if (session is { MustChangePassword: true } && !pageType.IsDefined(typeof(AllowWhilePasswordMustChangeAttribute), inherit: false))
        {
            context.Result = new RedirectResult($"/{lang}/transfer/passphrase");
            return;
        }

        if (session is not null)
        {
            http.Features.Set(session);
        }

        bool multipart = (http.Request.ContentType ?? string.Empty).StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        bool checksItself = multipart && pageType.IsDefined(typeof(ChecksAntiforgeryInBodyAttribute), inherit: false);
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && multipart && !checksItself)
        {
            context.Result = Refused(context);
            return;
        }

        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !multipart)
        {
            string? posted = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted)).TryGetValue(TransferAntiforgery.FieldName, out var v) ? v.ToString() : null : null;
            if (!antiforgery.IsValid(http, session, posted))
            {
                context.Result = Refused(context);
                return;
            }
        }

        await next();
    }

    // A plain page, not the handler's: a refused post never runs any of the page's code.
    private static ContentResult Refused(PageHandlerExecutingContext context)
    {
        var text = TransferLanguages.Current(context.RouteData);
        var html = HtmlEncoder.Default;
        return new ContentResult
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentType = "text/html; charset=utf-8",
            Content = $"<!DOCTYPE html><html lang=\"{text.Code}\"><head><meta charset=\"utf-8\"><title>{html.Encode(text.ProblemTitle)}</title>" +
                "<link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body><main id=\"main\">" +
                $"<h1>{html.Encode(text.ProblemTitle)}</h1><p>{html.Encode(text.BadForm)}</p>" +
                $"<p><a href=\"/{text.Code}/transfer\">{html.Encode(text.NavDashboard)}</a></p></main></body></html>",
        };
    }
}
