namespace WhistleSubmit.Portal.Localization;

/// <summary>Matches exactly one of the language codes in lower case; anything else is a 404.</summary>
public sealed class LanguageRouteConstraint : IRouteConstraint
{
    public const string Name = "lang";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Languages.Find(values[routeKey] as string) is not null;
    }
}
