using Microsoft.Playwright;

namespace WhistleSubmit.EndToEnd.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (as in Portal.Tests' Browser/Chromium.cs; docs/DEVELOPMENT.md#playwright-and-chromium: no downloaded
/// browser, no PageTest base class). The flags keep it from calling home during tests.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Ignore($"{ExecutablePath} is not installed (apt-get install -y chromium).");
        }

        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }
}
