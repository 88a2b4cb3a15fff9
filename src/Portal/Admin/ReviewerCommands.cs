using System.Globalization;
using System.Text;
using QRCoder;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// <c>whistle-portal reviewer add|list|remove|reset</c>: accounts of the transfer interface, in the store, so they go
/// through admin.sock when the server runs like every other store verb. add and reset print the one-time password
/// and the TOTP secret once (URI and terminal QR code); neither is kept anywhere but in the account itself.
/// </summary>
public sealed class ReviewerCommands(TransferStore store, TimeProvider time, PasswordHasher hasher)
{
    public const string OperatorAccount = "(operator)";

    public AdminResponse Execute(IReadOnlyList<string> args) => args switch
    {
        ["list"] => List(),
        ["add", var name] => Issue(name, existing: false),
        ["reset", var name] => Issue(name, existing: true),
        ["remove", var name] => Remove(name),
        _ => Error("usage: reviewer add NAME | list | remove NAME | reset NAME"),
    };

    private static AdminResponse Error(string message) => new(1, $"whistle-portal: error: {message}\n");

    private AdminResponse List()
    {
        var accounts = store.ListReviewers();
        if (accounts.Count == 0)
        {
            return new AdminResponse(0, "whistle-portal: no reviewer accounts (add one with: whistle-portal reviewer add NAME)\n");
        }

        var now = time.GetUtcNow();
        var text = new StringBuilder("name                              created     last login  state\n");
        foreach (var a in accounts)
        {
            string state = a.LockedUntil > now ? "locked" : a.MustChangePassword ? "must set passphrase" : "active";
            text.Append(CultureInfo.InvariantCulture, $"{a.Name,-33} {a.CreatedDay}  {a.LastLoginDay ?? "never",-10}  {state}\n");
        }

        return new AdminResponse(0, text.ToString());
    }

    private AdminResponse Issue(string name, bool existing)
    {
        if (!ReviewerNames.IsValid(name))
        {
            return Error("a reviewer name is 2-32 characters: lower-case letters, digits, '.', '-', '_', starting with a letter");
        }

        var found = store.FindReviewer(name);
        if (existing && found is null)
        {
            return Error($"no reviewer named {name}");
        }

        if (!existing && found is not null)
        {
            return Error($"a reviewer named {name} exists; use: whistle-portal reviewer reset {name}");
        }

        string password = InitialPassword.New();
        byte[] secret = TotpCodes.NewSecret();
        string today = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var account = new ReviewerAccount(name, hasher.Hash(password), secret, true, found?.CreatedDay ?? today, found?.LastLoginDay, 0, null, ReviewerAccount.NewStamp());
        bool done = existing ? store.ReplaceReviewer(account) : store.AddReviewer(account);
        if (!done)
        {
            return Error($"{name} changed meanwhile; nothing was done");
        }

        store.AppendAudit(OperatorAccount, existing ? "account-reset" : "account-added", name);
        string uri = TotpCodes.Uri(name, secret);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"whistle-portal: {(existing ? "reset" : "added")} reviewer {name}\n");
        text.Append(CultureInfo.InvariantCulture, $"one-time password: {password}\n");
        text.Append("(the first login asks for a new passphrase of at least 16 characters)\n");
        text.Append(CultureInfo.InvariantCulture, $"authenticator (TOTP) secret: {uri}\n");
        text.Append(QrCode(uri));
        text.Append("whistle-portal: hint: hand these to the reviewer in person; they are shown only now\n");
        return new AdminResponse(0, text.ToString());
    }

    private AdminResponse Remove(string name)
    {
        if (!ReviewerNames.IsValid(name) || !store.RemoveReviewer(name))
        {
            return Error($"no reviewer named {name}");
        }

        store.AppendAudit(OperatorAccount, "account-removed", name);
        return new AdminResponse(0, $"whistle-portal: removed reviewer {name}; their sessions have ended\n");
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new AsciiQRCode(data).GetGraphicSmall(drawQuietZones: true, invert: false, endOfLine: "\n") + "\n";
    }
}
