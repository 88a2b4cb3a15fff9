namespace WhistleSubmit.Portal.Tests;

/// <summary>Every page the portal serves today, in every language.</summary>
internal static class PortalPages
{
    public static readonly string[] Languages = ["en", "es"];

    public static readonly string[] PagePaths = ["", "about", "rights", "submit", "submitted", "mailbox"];

    public static IEnumerable<string> All =>
        Languages.SelectMany(lang => PagePaths.Select(page => $"/{lang}/{page}"));
}
