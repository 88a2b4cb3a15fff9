using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.Rights;

/// <summary>
/// The rights page in a real Chromium, with JavaScript on and off: the built-in text in both languages, the links to
/// it from the landing page and the form, and an operator's replacement text (Spanish only here) shown as plain text.
/// </summary>
public class RightsPageBrowserTests
{
    // Allowed by the format, and each would mean something if it reached the page as markup.
    private const string OperatorText =
        "# Derechos & \"garantías\" del operador\n\n" +
        "Texto revisado por su abogado: &lt;b&gt;no&lt;/b&gt; es HTML, ni javascript:alert(1), ni **negrita** ni [enlace](http://x).\n\n" +
        "## Primera sección\n" +
        "- uno 'dos' & tres\n" +
        "- @Html.Raw(\"x\")\n";

    private PortalFactory builtIn = null!;
    private PortalFactory replaced = null!;
    private Uri builtInAddress = null!;
    private Uri replacedAddress = null!;

    [OneTimeSetUp]
    public void Start()
    {
        builtIn = new PortalFactory();
        builtInAddress = builtIn.Start();
        replaced = new PortalFactory();
        File.WriteAllText(Path.Combine(replaced.DataDirectory, "rights.es.txt"), OperatorText);
        replacedAddress = replaced.Start();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        builtIn.Dispose();
        replaced.Dispose();
    }

    [TestCase("en", true, "Your rights, before you write", "not legal advice")]
    [TestCase("en", false, "Your rights, before you write", "not legal advice")]
    [TestCase("es", true, "Sus derechos, antes de escribir", "no asesoría legal")]
    [TestCase("es", false, "Sus derechos, antes de escribir", "no asesoría legal")]
    public async Task Rights_EitherLanguageAndJavaScriptSetting_RendersTheBuiltInText(string lang, bool javaScript, string title, string notAdvice)
    {
        await using var context = await NewContextAsync(javaScript);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(new Uri(builtInAddress, $"/{lang}/rights").ToString());

        Assert.That(response!.Status, Is.EqualTo(200));
        Assert.That(await page.Locator("html").GetAttributeAsync("lang"), Is.EqualTo(lang));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo(title));
        Assert.That(await page.Locator("main section h2").CountAsync(), Is.EqualTo(5));
        string main = await page.Locator("main").InnerTextAsync();
        Assert.That(main, Does.Contain(notAdvice).And.Contain("2302(b)(8)").And.Contain("4712").And.Contain("osc.gov").And.Contain("dhs.gov/crcl"));
        Assert.That(await page.Locator(".site-footer").IsVisibleAsync(), Is.True);
    }

    [TestCase("en", true)]
    [TestCase("es", false)]
    public async Task LandingAndForm_RightsLink_LeadsToTheRightsPageAndOnToTheForm(string lang, bool javaScript)
    {
        await using var context = await NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(builtInAddress, $"/{lang}/").ToString());

        await page.ClickAsync(".start-links a.rights-link");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo($"/{lang}/rights"));

        await page.ClickAsync("main .start-links a");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo($"/{lang}/submit"));
        if (javaScript)
        {
            // The form page with its script running (the browser path has taken the form over) still links to the page.
            await page.WaitForSelectorAsync("#encryption-path[data-path=browser]");
        }

        await page.ClickAsync("main a.rights-link");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo($"/{lang}/rights"));
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.Not.Empty);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task OperatorText_Spanish_ShownAsPlainTextWhileEnglishKeepsTheBuiltIn(bool javaScript)
    {
        await using var context = await NewContextAsync(javaScript);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        await page.GotoAsync(new Uri(replacedAddress, "/es/rights").ToString());

        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Derechos & \"garantías\" del operador"));
        Assert.That(await page.Locator("main p").First.InnerTextAsync(), Is.EqualTo(
            "Texto revisado por su abogado: &lt;b&gt;no&lt;/b&gt; es HTML, ni javascript:alert(1), ni **negrita** ni [enlace](http://x)."));
        Assert.That(await page.Locator("main li").AllInnerTextsAsync(), Is.EqualTo(new[] { "uno 'dos' & tres", "@Html.Raw(\"x\")" }));
        Assert.That(await page.Locator("main b, main strong, main script, main img").CountAsync(), Is.Zero);
        Assert.That(await page.Locator("main a").CountAsync(), Is.EqualTo(1), "only the page's own link on to the form");
        Assert.That(dialogs, Is.Empty);

        await page.GotoAsync(new Uri(replacedAddress, "/en/rights").ToString());
        Assert.That(await page.Locator("h1").InnerTextAsync(), Is.EqualTo("Your rights, before you write"));
    }

    [Test]
    public async Task OperatorText_Axe_NoViolations()
    {
        await using var context = await NewContextAsync(javaScript: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(replacedAddress, "/es/rights").ToString());

        var result = await page.RunAxe();

        Assert.That(result.Violations.Select(v => $"{v.Id}: {v.Help}"), Is.Empty);
    }

    [Test]
    public void OperatorText_Startup_IsLogged()
    {
        Assert.That(replaced.Log.Events, Has.Some.Contains("Rights page").And.Contains("operator's rights.es.txt"));
        Assert.That(replaced.Log.Events, Has.Some.Contains("Rights page").And.Contains("built-in text"));
    }

    private static async Task<IBrowserContext> NewContextAsync(bool javaScript)
    {
        var browser = await Chromium.GetAsync();
        return await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript, ViewportSize = new() { Width = 1280, Height = 900 } });
    }
}
