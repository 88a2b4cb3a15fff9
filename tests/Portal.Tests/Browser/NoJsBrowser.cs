using Microsoft.Playwright;

namespace WhistleSubmit.Portal.Tests.Browser;

/// <summary>Chromium as Tor Browser's "Safest" level leaves it for these pages: JavaScript off.</summary>
internal static class NoJsBrowser
{
    public static async Task<IBrowserContext> NewContextAsync()
    {
        var browser = await Chromium.GetAsync();
        return await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, ViewportSize = new() { Width = 1280, Height = 900 } });
    }

    /// <summary>Clicks the submit button of a form that posts, and returns the response to that post once its page has loaded.</summary>
    public static async Task<IResponse> SubmitAsync(IPage page, string button = "button[type=submit]")
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.ClickAsync(button),
            r => r.Request.Method == "POST" && r.Request.IsNavigationRequest);
        await page.WaitForLoadStateAsync(LoadState.Load);
        return response;
    }
}
