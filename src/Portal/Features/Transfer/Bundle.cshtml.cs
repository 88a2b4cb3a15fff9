using Microsoft.AspNetCore.Mvc;
using WhistleSubmit.Portal.Features.Transfer.Sessions;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Streams a prepared bundle, decrypted from its at-rest form: the exact bytes whose SHA-256 the dashboard shows. Only
/// bundles of pending exports are served; each download is audited.
/// </summary>
public sealed class BundleModel(TransferBundles bundles, TransferAudit audit, TransferAntiforgery antiforgery) : TransferPage(antiforgery)
{
    public IActionResult OnGet(string sha256)
    {
        if (bundles.Find(sha256) is not { } export || bundles.OpenPrepared(export.BundleSha256) is not { } prepared)
        {
            return NotFound();
        }

        audit.Record(Session!.Account, "download", $"bundle {export.BundleSha256} ({export.Items} items)");
        Response.ContentLength = prepared.Length;
        return File(prepared.Bundle, "application/octet-stream", $"submissions-{export.Day}-{export.BundleSha256[..12]}.wsbundle");
    }
}
