using Deque.AxeCore.Playwright;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features;

/// <summary>axe-core on every page in both languages, at desktop and phone widths.</summary>
public class AccessibilityTests
{
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;

    private static IEnumerable<TestCaseData> Cases =>
        PortalPages.All.SelectMany(path => new[] { 1280, 375 }.Select(width => new TestCaseData(path, width)));

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        baseAddress = factory.Start();
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [TestCaseSource(nameof(Cases))]
    public async Task Page_Axe_NoViolations(string path, int width)
    {
        var browser = await Chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, path).ToString());

        var result = await page.RunAxe();

        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.That(violations, Is.Empty);
    }
}
