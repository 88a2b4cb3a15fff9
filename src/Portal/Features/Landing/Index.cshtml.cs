using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Portal.Configuration.Recipients;

namespace WhistleSubmit.Portal.Features.Landing;

/// <summary>The landing page: how to stay safe, what the portal keeps, and the keys to check.</summary>
public sealed class IndexModel(ReviewerKeys reviewerKeys) : PageModel
{
    public ReviewerKeys ReviewerKeys { get; } = reviewerKeys;
}
