using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Features.Mailbox;
using WhistleSubmit.Portal.Features.NoScript;
using WhistleSubmit.Portal.Localization;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Submit;

/// <summary>
/// The report form and its no-JS post. ASP.NET's automatic antiforgery is off for this page because it would read
/// (and buffer) the whole form; <see cref="NoJsFormGate"/> checks the same token from the streamed body instead.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SubmitModel(FormTokens tickets, NoJsFormGate gate, SubmissionSealer sealer, SourceStore store, CodenameGate codenames)
    : PageModel
{
    public string FormToken { get; private set; } = string.Empty;

    public NoJsOptions Limits => gate.Limits;

    public ReceivedForm? Previous { get; private set; }

    public List<(string Field, FieldError Error)> Errors { get; } = [];

    public SubmitResult? Result { get; private set; }

    public FormProblem? Problem { get; private set; }

    public void OnGet() => FormToken = tickets.Issue();

    public async Task<IActionResult> OnPostAsync()
    {
        var text = Languages.Current(RouteData);
        using var form = new ReceivedForm();
        try
        {
            var reader = await gate.OpenAsync(HttpContext);
            await reader.ReadRestAsync(form, ReportFields.ReportLimits, ReportFields.MaxFieldValues);
            var client = new ClientFacts { Language = text.Code == "es" ? Language.Es : Language.En, EncryptedBy = EncryptedBy.Server };
            var report = ReportFormParser.Parse(form, client, Errors);
            if (report is null)
            {
                // Back to the form with the answers kept (files cannot be, and are deleted with the spool).
                Previous = form;
                FormToken = tickets.Issue();
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            string codename = Codename.Generate();
            // scrypt with 32 MiB: through the same gate as the mailbox's codename checks, never outside it.
            using var keys = await codenames.TryDeriveAsync(codename, HttpContext.RequestAborted)
                ?? throw new FormRejectedException(FormProblem.Busy);
            // v2 and later: the codename's case key and mailbox id go inside the encryption, so the reviewers group by
            // proof (docs/FORMATS.md#case-proof). This path derives them in memory; the JS path never shows them to the server.
            report = report with
            {
                V = ReportV1.CurrentVersion,
                CaseKey = Convert.ToHexStringLower(keys.CaseKey),
                MailboxId = keys.MailboxId,
                ReplyRecipient = keys.ReplyRecipient.ToString(),
                Attachments = [.. form.Files.Select(f => new AttachmentInfo { Name = f.OriginalName, Size = f.Length, Copy = AttachmentCopy.Original })],
            };
            string receipt = await NoJsFormGate.StoreAsync(() => sealer.SealAsync(store, keys.MailboxId, report, form.Files));
            Result = new SubmitResult(codename, receipt, [.. form.Files.Select(f => f.OriginalName)]);
            return Page();
        }
        catch (FormRejectedException e)
        {
            Problem = e.Problem;
            Response.StatusCode = e.StatusCode;
            return Page();
        }
    }
}
