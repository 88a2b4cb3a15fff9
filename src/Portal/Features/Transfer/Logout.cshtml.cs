using Microsoft.AspNetCore.Mvc;
using WhistleSubmit.Portal.Features.Transfer.Sessions;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>Ends the session on the server and removes its cookie. Only by post (with the form token).</summary>
[AllowWhilePasswordMustChange]
public sealed class LogoutModel(ReviewerSessions sessions, TransferAudit audit, TransferAntiforgery antiforgery) : TransferPage(antiforgery)
{
    public IActionResult OnGet() => Redirect(PathTo());

    public IActionResult OnPost()
    {
        var session = Session!;
        sessions.Close(session);
        audit.Record(session.Account, "logout");
        TransferCookies.Delete(Response, TransferCookies.Session);
        return Redirect(PathTo("/login?loggedOut=true"));
    }
}
