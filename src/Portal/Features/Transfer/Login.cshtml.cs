using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Features.Transfer.Sessions;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>Password and TOTP code in one form; one generic refusal whichever was wrong; 429 while throttled.</summary>
[AllowWithoutSession]
[AllowWhilePasswordMustChange]
public sealed class LoginModel(LoginService login, TransferAntiforgery antiforgery) : TransferPage(antiforgery)
{
    public const string NameField = "name";
    public const string PasswordField = "password";
    public const string CodeField = "code";

    public string? Notice { get; private set; }

    public IActionResult OnGet(bool? loggedOut)
    {
        if (Session is not null)
        {
            return Redirect(PathTo());
        }

        Notice = loggedOut == true ? Text.LoggedOut : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        var outcome = await login.LoginAsync(form[NameField].ToString(), form[PasswordField].ToString(), form[CodeField].ToString());
        if (outcome is { Succeeded: true, CookieValue: { } cookie, Session: { } session })
        {
            TransferCookies.Set(Response, TransferCookies.Session, cookie);
            return Redirect(session.MustChangePassword ? PathTo("/passphrase") : PathTo());
        }

        if (outcome.Wait is { } wait)
        {
            Problem = string.Format(System.Globalization.CultureInfo.InvariantCulture, Text.Throttled, Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)));
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return new PageResult { StatusCode = StatusCodes.Status429TooManyRequests };
        }

        Problem = outcome.ReplayedCode ? Text.CodeAlreadyUsed : Text.LoginFailed;
        return Page();
    }
}
