using Microsoft.AspNetCore.Html;
using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>What _ConsentRequest.cshtml needs to show one verified consent request and its no-JS answer form.</summary>
public sealed record ConsentForm(
    CaseStatusText Text, ReplyView Request, string Action, IHtmlContent Antiforgery, string FormToken, string MailboxToken, string CaseKey)
{
    /// <summary>The hidden field with the request's id.</summary>
    public const string RequestField = "consentRequest";

    /// <summary>Each destination's radio group is named this plus the destination id (<c>consent-osc</c>).</summary>
    public const string FieldPrefix = "consent-";
}
