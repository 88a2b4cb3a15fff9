using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features;

/// <summary>
/// axe-core for pages that exist only as the response to a no-JS post (axe itself needs JavaScript): the page's HTML
/// is served again, from the same origin with the same stylesheet, to a context with JavaScript on, and checked there.
/// </summary>
internal static class AxeSnapshot
{
    public static async Task AssertNoViolationsAsync(IPage noJsPage, Uri baseAddress)
    {
        string html = await noJsPage.ContentAsync();
        var browser = await Chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        string snapshotUrl = new Uri(baseAddress, "/axe-snapshot").ToString();
        await page.RouteAsync(snapshotUrl, route => route.FulfillAsync(new() { Body = html, ContentType = "text/html; charset=utf-8" }));
        await page.GotoAsync(snapshotUrl);

        var result = await page.RunAxe();

        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.That(violations, Is.Empty);
    }
}
