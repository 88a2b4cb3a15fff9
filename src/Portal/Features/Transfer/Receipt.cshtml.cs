using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Features.Transfer.Uploads;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Upload of an import receipt: the same confirmation as <c>whistle-portal confirm</c>, showing every item id it
/// deleted; a bundle fully confirmed is removed from the transfer directory at once.
/// </summary>
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
        var (upload, problem) = await TransferUpload.ReadAsync(HttpContext, Antiforgery, session, ImportReceipt.MaxBytes, bundles.Directory);
        if (upload is null)
        {
            return Refuse(problem == UploadProblem.TooLarge ? Text.TooLarge : Text.BadForm,
                problem == UploadProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        try
        {
            Result = operations.Confirm(await System.IO.File.ReadAllBytesAsync(upload.Path, HttpContext.RequestAborted));
        }
        catch (TransferRejectedException e)
        {
            audit.Record(session.Account, "confirm-refused", e.Problem.ToString());
            return Refuse(e.Problem == TransferProblem.UnknownExport ? Text.UnknownExport : Text.NotAReceipt, StatusCodes.Status422UnprocessableEntity);
        }
        catch (PortalStoreFullException)
        {
            return Refuse(Text.StoreFull, StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            System.IO.File.Delete(upload.Path);
        }

        if (Result.BundleComplete)
        {
            System.IO.File.Delete(bundles.PathOf(Result.BundleSha256));
        }

        if (Result.Outcome.AlreadyConfirmed)
        {
            audit.Record(session.Account, "confirm", $"bundle {Result.BundleSha256}: already confirmed");
            return Page();
        }

        audit.Record(session.Account, "confirm",
            $"bundle {Result.BundleSha256}: {Result.Outcome.Deleted.Count} deleted, {Result.Outcome.Missing.Count} already gone" +
            (Result.Outcome.Deleted.Count > 0 ? ": " + string.Join(' ', Result.Outcome.Deleted) : string.Empty));
        return Page();
    }

    private PageResult Refuse(string problem, int status)
    {
        Problem = problem;
        return new PageResult { StatusCode = status };
    }
}
