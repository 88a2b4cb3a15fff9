namespace WhistleSubmit.Portal.Security;

/// <summary>The response headers of docs/PORTAL.md#security-headers, exactly, plus X-Frame-Options for browsers without CSP 3.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static readonly IReadOnlyDictionary<string, string> Required = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["Cache-Control"] = "no-store",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Content-Type-Options"] = "nosniff",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
        ["Cross-Origin-Resource-Policy"] = "same-origin",
        ["X-Frame-Options"] = "DENY",
    };

    /// <summary>
    /// The reviewers' transfer interface: no script at all (its pages work without one), only its own stylesheet and
    /// forms posting to itself. Everything else as on the source side.
    /// </summary>
    public const string TransferContentSecurityPolicy =
        "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'";

    public static readonly IReadOnlyDictionary<string, string> TransferRequired =
        new Dictionary<string, string>(Required, StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Security-Policy"] = TransferContentSecurityPolicy,
        };

    /// <summary>Headers that identify the server or let a cached copy be recognised later: never sent.</summary>
    public static readonly IReadOnlyList<string> Forbidden = ["Server", "ETag", "Last-Modified", "X-Powered-By"];
}
