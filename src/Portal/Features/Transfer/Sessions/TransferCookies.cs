namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>
/// The transfer interface's two cookies, both __Host- prefixed (Secure, Path=/, no Domain: the browser refuses them
/// otherwise), HttpOnly and SameSite=Strict. Browsers treat http://127.0.0.1 and .onion addresses as secure
/// contexts, so Secure cookies work there without TLS.
/// </summary>
public static class TransferCookies
{
    public const string Session = "__Host-whistle-transfer";
    public const string Antiforgery = "__Host-whistle-transfer-af";

    public static CookieOptions Options => new()
    {
        Secure = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    };

    public static void Set(HttpResponse response, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(name, value, Options);
    }

    public static void Delete(HttpResponse response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(name, Options);
    }
}
