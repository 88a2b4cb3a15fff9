using Microsoft.Playwright;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.Landing;

/// <summary>The landing page in a real Chromium, with JavaScript on and off (Tor Browser's "Safest" turns it off).</summary>
public class LandingPageBrowserTests
{
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        baseAddress = factory.Start();
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [TestCase("en", true, "Report abuse at ICE, safely and anonymously", "Español")]
    [TestCase("en", false, "Report abuse at ICE, safely and anonymously", "Español")]
    [TestCase("es", true, "Denuncie abusos en ICE de forma segura y anónima", "English")]
    [TestCase("es", false, "Denuncie abusos en ICE de forma segura y anónima", "English")]
    public async Task Landing_EitherLanguageAndJavaScriptSetting_RendersCompletely(string lang, bool javaScript, string title, string switchName)
    {
        await using var context = await NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        var problems = Watch(page);

        var response = await page.GotoAsync(new Uri(baseAddress, $"/{lang}/").ToString());

        Assert.That(response!.Status, Is.EqualTo(200));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo(lang));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(title));
        Assert.That(await page.Locator(".demo-banner").IsVisibleAsync(), Is.True);
        Assert.That(await page.Locator(".fingerprint code").InnerTextAsync(), Does.Match("^([0-9a-f]{4} ){7}[0-9a-f]{4}$"));
        Assert.That(await page.Locator($"a[hreflang]").InnerTextAsync(), Is.EqualTo(switchName));
        Assert.That(await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"), Is.EqualTo("rgb(247, 245, 240)"),
            "the stylesheet must load under the CSP");
        Assert.That(problems, Is.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task LanguageSwitch_ClickedBothWays_ChangesLanguageOfTheSamePage(bool javaScript)
    {
        await using var context = await NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/en/about").ToString());

        await page.ClickAsync("a[hreflang=es]");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/es/about"));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo("es"));

        await page.ClickAsync("a[hreflang=en]");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/en/about"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("About this site"));
        Assert.That(await context.CookiesAsync(), Is.Empty);
    }

    [TestCase("en")]
    [TestCase("es")]
    public async Task Landing_Screenshot_WrittenForReview(string lang)
    {
        await using var context = await NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/").ToString());

        string path = Path.Combine(Path.GetTempPath(), $"whistle-portal-landing-{lang}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await page.SetViewportSizeAsync(375, 740);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"whistle-portal-landing-{lang}-phone.png") });

        Assert.That(new FileInfo(path).Length, Is.GreaterThan(10_000));
    }

    private static async Task<IBrowserContext> NewContextAsync(bool javaScript)
    {
        var browser = await Chromium.GetAsync();
        return await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
    }

    /// <summary>Console errors (CSP violations show up there), failed requests and requests to any other origin.</summary>
    private List<string> Watch(IPage page)
    {
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => problems.Add($"failed: {request.Url}");
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(baseAddress.ToString(), StringComparison.Ordinal))
            {
                problems.Add($"third-party: {request.Url}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                problems.Add($"{response.Status}: {response.Url}");
            }
        };
        return problems;
    }
}
