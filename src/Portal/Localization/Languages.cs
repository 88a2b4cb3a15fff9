namespace WhistleSubmit.Portal.Localization;

/// <summary>
/// The languages of the source side. The language is the first path segment (/en/…, /es/…): Tor Browser hides
/// Accept-Language, and a cookie would be one more thing stored about a visitor.
/// </summary>
public static class Languages
{
    public const string RouteKey = "lang";

    public static readonly IReadOnlyList<PortalText> All = [EnglishText.Instance, SpanishText.Instance];

    public static PortalText Default => EnglishText.Instance;

    public static PortalText? Find(string? code) => All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));

    /// <summary>The language of the current page, from its route; the default if the route has none.</summary>
    public static PortalText Current(RouteData routeData)
    {
        ArgumentNullException.ThrowIfNull(routeData);
        return Find(routeData.Values[RouteKey] as string) ?? Default;
    }

    /// <summary>The other languages, for the switch.</summary>
    public static IEnumerable<PortalText> Others(PortalText current) => All.Where(t => t.Code != current.Code);
}
