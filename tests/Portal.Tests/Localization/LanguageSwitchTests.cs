using System.Net;
using System.Text.RegularExpressions;

namespace WhistleSubmit.Portal.Tests.Localization;

public partial class LanguageSwitchTests
{
    private PortalFactory factory = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        client = factory.CreatePlainClient(factory.Start());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Root_Get_RedirectsToEnglish()
    {
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/en/"));
    }

    [TestCase("/en/", "en", "/es", "Español")]
    [TestCase("/es/", "es", "/en", "English")]
    [TestCase("/en/about", "en", "/es/about", "Español")]
    [TestCase("/es/about", "es", "/en/about", "English")]
    public async Task Page_EitherLanguage_SetsHtmlLangAndLinksToTheSamePageInTheOther(
        string path, string lang, string otherPath, string otherName)
    {
        string html = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.That(html, Does.Contain($"<html lang=\"{lang}\">"));
        Assert.That(SwitchLink().Match(html).Groups["href"].Value, Is.EqualTo(otherPath));
        Assert.That(SwitchLink().Match(html).Groups["name"].Value, Is.EqualTo(otherName));
    }

    [Test]
    public async Task SpanishPage_Get_IsInSpanish()
    {
        string html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/es/", UriKind.Relative)));

        Assert.That(html, Does.Contain("Denuncie abusos en ICE de forma segura y anónima"));
        Assert.That(html, Does.Contain("Navegador Tor"));
        Assert.That(html, Does.Not.Contain("Protect yourself first"));
    }

    [Test]
    public async Task EnglishPage_SpanishAcceptLanguage_StaysEnglish()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/en/");
        request.Headers.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");
        using var response = await client.SendAsync(request);
        string html = await response.Content.ReadAsStringAsync();

        Assert.That(html, Does.Contain("<html lang=\"en\">"));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
    }

    [TestCase("/fr/", Description = "unsupported language")]
    [TestCase("/EN/", Description = "codes are lower case only")]
    [TestCase("/about", Description = "no language")]
    public async Task Page_UnknownLanguage_NotFound(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [GeneratedRegex("<nav aria-label=\"(?:Language|Idioma)\"[^>]*>.*?<a href=\"(?<href>[^\"]+)\"[^>]*>(?<name>[^<]+)</a>", RegexOptions.Singleline)]
    private static partial Regex SwitchLink();
}
