using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Releases;

/// <summary>
/// The release's index.html in Debian's Chromium, opened from the file as a reader would (offline, from a USB stick):
/// axe-core finds no violation at desktop and phone widths, the page runs no script and loads nothing, and a
/// screenshot is attached for people to look at.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ReleaseReportBrowserTests
{
    private static readonly Lazy<(TestVault Vault, string Report)> Release = new(() =>
    {
        TestVault vault = Templates.Track(RegisterScenario.Template.CopyTo(new TestVault()));
        string dir = vault.Directory.File("release");
        vault.Succeed("publish", "--out", dir);
        return (vault, Path.Combine(dir, "index.html"));
    });

    [OneTimeTearDown]
    public async Task Close() => await Chromium.CloseAsync();

    [TestCase(1280)]
    [TestCase(375)]
    public async Task Report_Axe_NoViolations(int width)
    {
        IBrowser browser = await Chromium.GetAsync();
        // axe is a script: it is let in past the page's CSP (which forbids every script) for the check only.
        await using IBrowserContext context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, BypassCSP = true });
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Release.Value.Report).AbsoluteUri);

        var result = await page.RunAxe();

        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public async Task Report_UnderItsOwnPolicy_RunsNoScriptLoadsNothingAndShowsItsCharts()
    {
        IBrowser browser = await Chromium.GetAsync();
        await using IBrowserContext context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        IPage page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(Release.Value.Report).AbsoluteUri);
        string screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "release-report.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, "the release report");

        Assert.That(requests, Is.EqualTo(new[] { new Uri(Release.Value.Report).AbsoluteUri }), "nothing but the page itself is loaded");
        Assert.That(await page.Locator("script").CountAsync(), Is.Zero);
        Assert.That(await page.Locator("svg[role=img]").CountAsync(), Is.EqualTo(4));
        Assert.That(await page.Locator("svg[role=img] title").AllTextContentsAsync(), Has.All.Not.Empty);
        Assert.That(await page.Locator("#incidents tbody tr").CountAsync(), Is.EqualTo(4));
        Assert.That(await page.Locator("svg[role=img]").First.BoundingBoxAsync(), Has.Property("Height").GreaterThan(100));
    }
}
