using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Sets a new passphrase (at least 16 characters): forced after a one-time password, open to any session. The
/// account's stamp changes, which ends every other session of it; this browser gets a fresh session.
/// </summary>
[AllowWhilePasswordMustChange]
public sealed class PassphraseModel(
    TransferStore store, PasswordHasher hasher, ReviewerSessions sessions, TransferAudit audit, TransferAntiforgery antiforgery)
    : TransferPage(antiforgery)
{
    public const string NewField = "passphrase";
    public const string RepeatField = "repeat";
    public const int MinChars = 16;

    public string? Notice { get; private set; }

    public void OnGet(bool? changed) => Notice = changed == true ? Text.PassChanged : null;

    public async Task<IActionResult> OnPostAsync()
    {
        var session = Session!;
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        string passphrase = form[NewField].ToString();
        string repeat = form[RepeatField].ToString();
        int length = new StringInfo(passphrase.Normalize(System.Text.NormalizationForm.FormC)).LengthInTextElements;
        if (length < MinChars || passphrase.Length > PasswordHasher.MaxPasswordChars)
        {
            return Refuse(Text.PassTooShort);
        }

        if (passphrase != repeat)
        {
            return Refuse(Text.PassMismatch);
        }

        if (store.FindReviewer(session.Account) is not { } account || account.Stamp != session.Stamp)
        {
            return Redirect(PathTo("/login"));
        }

        if (hasher.Verify(account.PasswordHash, passphrase))
        {
            return Refuse(Text.PassSame);
        }

        if (!store.ChangeReviewerPassword(account.Name, account.Stamp, hasher.Hash(passphrase), ReviewerAccount.NewStamp()))
        {
            return Redirect(PathTo("/login"));
        }

        audit.Record(account.Name, "passphrase-changed");
        sessions.Close(session);
        var (cookie, _) = sessions.Open(store.FindReviewer(account.Name)!);
        TransferCookies.Set(Response, TransferCookies.Session, cookie);
        return Redirect(PathTo("/passphrase?changed=true"));
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        return new PageResult { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }
}
