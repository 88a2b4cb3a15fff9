using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Features.Transfer.Retention;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// What waits (counts, padded sizes, days, the oldest's age, retention warnings), the form that prepares the next
/// submissions bundle, and the bundles waiting for a receipt with their SHA-256 and download links.
/// </summary>
public sealed class IndexModel(RetentionReport report, TransferBundles bundles, TransferAudit audit, TransferAntiforgery antiforgery)
    : TransferPage(antiforgery)
{
    public RetentionStatus Status { get; private set; } = null!;

    /// <summary>The bundle just prepared, shown with its SHA-256 above the list.</summary>
    public ExportResult? Prepared { get; private set; }

    public bool NothingToExport { get; private set; }

    public void OnGet() => Status = report.Build();

    public IActionResult OnPost()
    {
        try
        {
            Prepared = bundles.Prepare();
        }
        catch (PortalStoreFullException)
        {
            Problem = Text.StoreFull;
            Status = report.Build();
            return new PageResult { StatusCode = StatusCodes.Status503ServiceUnavailable };
        }

        if (Prepared is null)
        {
            NothingToExport = true;
        }
        else
        {
            audit.Record(Session!.Account, "export", $"{Prepared.ItemIds.Count} items, bundle {Prepared.Sha256}");
        }

        Status = report.Build();
        return Page();
    }
}
