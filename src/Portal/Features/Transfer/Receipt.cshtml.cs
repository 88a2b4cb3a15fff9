using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using System.Globalization;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Features.Transfer.Uploads;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Upload of an import receipt: the same confirmation as <c>whistle-portal confirm</c> (signed receipts only), showing
/// every item id it deleted and the console audit-chain head it recorded; a bundle fully confirmed is removed from the
/// transfer directory at once.
/// </summary>
[ChecksAntiforgeryInBody]
public sealed class ReceiptModel(TransferOperations operations, TransferBundles bundles, TransferAudit audit, TransferAntiforgery antiforgery)
    : TransferPage(antiforgery)
{
    public ConfirmResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var session = Session!;
        var (upload, problem) = await TransferUpload.ReadAsync(HttpContext, Antiforgery, session, SignedDocument.MaxBytes, bundles.Directory);
        if (upload is null)
        {
            return Refuse(problem == UploadProblem.TooLarge ? Text.TooLarge : Text.BadForm,
                problem == UploadProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        try
        {
            var receipt = new byte[upload.Length];
            upload.Content.ReadExactly(receipt);
            Result = operations.Confirm(receipt);
        }
        catch (TransferRejectedException e)
        {
            audit.Record(session.Account, "confirm-refused", e.Problem.ToString());
            return Refuse(e.Problem switch
            {
                TransferProblem.UnknownExport => Text.UnknownExport,
                TransferProblem.UnsignedReceipt => Text.UnsignedReceipt,
                TransferProblem.ForeignReceipt => string.Format(CultureInfo.InvariantCulture, Text.ForeignReceipt, e.KeyFingerprint ?? Text.BadSignature),
                _ => Text.NotAReceipt,
            }, StatusCodes.Status422UnprocessableEntity);
        }
        catch (PortalStoreFullException)
        {
            return Refuse(Text.StoreFull, StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            upload.Dispose();
        }

        if (Result.BundleComplete)
        {
            System.IO.File.Delete(bundles.PathOf(Result.BundleSha256));
        }

        if (Result.Outcome.AlreadyConfirmed)
        {
            audit.Record(session.Account, "confirm", $"bundle {Result.BundleSha256}: already confirmed; console audit head {Result.ConsoleAuditHead}");
            return Page();
        }

        // Counts only: the store keeps nothing of a confirmed item, not even its id (issue 14).
        audit.Record(session.Account, "confirm",
            $"bundle {Result.BundleSha256}: {Result.Outcome.Deleted.Count} deleted, {Result.Outcome.Missing.Count} already gone; console audit head {Result.ConsoleAuditHead}");
        return Page();
    }

    private PageResult Refuse(string problem, int status)
    {
        Problem = problem;
        return new PageResult { StatusCode = status };
    }
}
