using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Features.Transfer.Uploads;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Upload of a replies bundle: the same import as <c>whistle-portal import-replies</c> (bundles whose manifest is signed
/// with the team key only), showing every item id it touched.
/// </summary>
[ChecksAntiforgeryInBody]
public sealed class RepliesModel(
    TransferOperations operations, TransferBundles bundles, TransferOptions options, TransferAudit audit, TransferAntiforgery antiforgery)
    : TransferPage(antiforgery)
{
    public ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var session = Session!;
        var (upload, problem) = await TransferUpload.ReadAsync(HttpContext, Antiforgery, session, options.MaxRepliesBundleBytes, bundles.Directory);
        if (upload is null)
        {
            return Refuse(problem == UploadProblem.TooLarge ? Text.TooLarge : Text.BadForm,
                problem == UploadProblem.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        try
        {
            Result = operations.ImportReplies(upload.Content);
        }
        catch (TransferRejectedException e)
        {
            audit.Record(session.Account, "import-replies-refused", e.Problem.ToString());
            return Refuse(e.Problem switch
            {
                TransferProblem.NotReplies => Text.NotReplies,
                TransferProblem.UnsignedReplies => Text.UnsignedReplies,
                TransferProblem.ForeignReplies => string.Format(CultureInfo.InvariantCulture, Text.ForeignReplies, e.KeyFingerprint ?? Text.BadSignature),
                _ => Text.NotABundle,
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

        audit.Record(session.Account, "import-replies",
            $"{Result.Imported.Count} imported, {Result.AlreadyPresent.Count} already present, {Result.UnknownMailbox.Count} skipped" +
            (Result.Imported.Count > 0 ? ": " + string.Join(' ', Result.Imported) : string.Empty));
        return Page();
    }

    private PageResult Refuse(string problem, int status)
    {
        Problem = problem;
        return new PageResult { StatusCode = status };
    }
}
