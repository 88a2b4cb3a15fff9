using Microsoft.Playwright;

namespace WhistleSubmit.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright, launched once per test assembly (no downloaded browser, no PageTest base
/// class: docs/DEVELOPMENT.md#playwright-and-chromium). The flags keep it from calling home during tests.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? playwright;
    private static IBrowser? browser;

    /// <summary>The browser shared by the whole test assembly; <see cref="CloseAsync"/> ends it.</summary>
    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (browser is null)
            {
                (playwright, browser) = await LaunchAsync();
            }

            return browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A browser of the caller's own, with its Playwright driver; the caller disposes both.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Ignore($"{ExecutablePath} is not installed (apt-get install -y chromium).");
        }

        IPlaywright driver = await Playwright.CreateAsync();
        IBrowser launched = await driver.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        return (driver, launched);
    }

    public static async Task CloseAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
            browser = null;
        }

        playwright?.Dispose();
        playwright = null;
    }
}
