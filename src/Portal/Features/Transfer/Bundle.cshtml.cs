using Microsoft.AspNetCore.Mvc;
using WhistleSubmit.Portal.Features.Transfer.Sessions;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Streams a prepared bundle: the exact file whose SHA-256 the dashboard shows (it is named by that hash). Only
/// bundles of pending exports are served; each download is audited.
/// </summary>
public sealed class BundleModel(TransferBundles bundles, TransferAudit audit, TransferAntiforgery antiforgery) : TransferPage(antiforgery)
{
    public IActionResult OnGet(string sha256)
    {
        if (bundles.Find(sha256) is not { } export)
        {
            return NotFound();
        }

        audit.Record(Session!.Account, "download", $"bundle {export.BundleSha256} ({export.Items} items)");
        return PhysicalFile(bundles.PathOf(export.BundleSha256), "application/octet-stream",
            $"submissions-{export.Day}-{export.BundleSha256[..12]}.wsbundle");
    }
}
