using WhistleSubmit.Crypto.Codenames;

namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>The mailbox token as the browser sends it (64 lower-case hex digits); only its SHA-256 is ever kept.</summary>
public static class MailboxToken
{
    public static string? ToMailboxId(string? token)
    {
        if (token is not { Length: SourceKeys.MailboxTokenLength * 2 } || !token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return null;
        }

        return SourceKeys.MailboxIdFromToken(Convert.FromHexString(token));
    }
}
