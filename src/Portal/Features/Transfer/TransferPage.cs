using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>What every transfer page has: its texts, the session (set by <see cref="TransferPageFilter"/>), its form token.</summary>
public abstract class TransferPage(TransferAntiforgery antiforgery) : PageModel
{
    public TransferText Text => TransferLanguages.Current(RouteData);

    /// <summary>Null only on the login page.</summary>
    public ReviewerSession? Session => HttpContext.Features.Get<ReviewerSession>();

    /// <summary>A problem to show above the form, in this page's language.</summary>
    public string? Problem { get; protected set; }

    public string FormToken => antiforgery.TokenFor(HttpContext, Session);

    protected TransferAntiforgery Antiforgery => antiforgery;

    protected string PathTo(string path = "") => $"/{Text.Code}/transfer{path}";
}
