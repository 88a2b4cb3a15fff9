using System.Security.Cryptography;
using System.Text;

namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>
/// Antiforgery for the transfer forms, kept apart from the source side's (ASP.NET's antiforgery has one cookie name
/// per application, and the source side's cookie is not __Host-): a signed double-submit token. The cookie holds 256
/// random bits; a form's token is HMAC-SHA-256 over that cookie and the session (none before login), under a key that
/// lives in this process only. So a token works only with its own cookie, for its own session, until a restart.
/// </summary>
public sealed class TransferAntiforgery
{
    public const string FieldName = "__transfer_af";

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The token for this request's forms; sets the cookie first if the browser has none.</summary>
    public string TokenFor(HttpContext context, ReviewerSession? session)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items[typeof(TransferAntiforgery)] is string issued)
        {
            return Token(issued, session);
        }

        string? cookie = context.Request.Cookies[TransferCookies.Antiforgery];
        if (cookie is not { Length: 43 })
        {
            cookie = ReviewerSessions.Base64Url(RandomNumberGenerator.GetBytes(32));
            TransferCookies.Set(context.Response, TransferCookies.Antiforgery, cookie);
        }

        context.Items[typeof(TransferAntiforgery)] = cookie;
        return Token(cookie, session);
    }

    /// <summary>True if the posted token belongs to this browser's cookie and this session.</summary>
    public bool IsValid(HttpContext context, ReviewerSession? session, string? posted)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? cookie = context.Request.Cookies[TransferCookies.Antiforgery];
        if (cookie is not { Length: 43 } || posted is not { Length: 43 })
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(cookie, session)), Encoding.ASCII.GetBytes(posted));
    }

    private string Token(string cookie, ReviewerSession? session) =>
        ReviewerSessions.Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"transfer-af\n{cookie}\n{session?.IdHash}")));
}
