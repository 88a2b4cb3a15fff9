using Terminal.Gui.App;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tui;

/// <summary>Ctrl+T: the case status the source sees, set through <see cref="SourceStatusService"/> as the <c>status</c> verb does.</summary>
internal static class SourceStatusActions
{
    public static ReplyRecord? Run(IApplication app, VaultSession vault, string caseId)
    {
        if (Prompts.Choose(app, "Status the source sees (queued; 'export-replies' sends it)", SignedCaseStatus.Statuses) is not int s)
        {
            return null;
        }

        string status = SignedCaseStatus.Statuses[s];
        string? to = null;
        if (status == "referred")
        {
            if (Prompts.Line(app, "Referred to", "To whom, in general terms (empty: not said)") is not string given)
            {
                return null;
            }

            to = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
        }

        return SourceStatusService.Set(vault, caseId, status, to);
    }
}
