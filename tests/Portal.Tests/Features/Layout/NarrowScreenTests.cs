using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Browser;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Layout;

/// <summary>A 375 px phone: no page scrolls sideways and a reply's date stays on one line, with and without JavaScript.</summary>
[NonParallelizable]
public class NarrowScreenTests
{
    private const int Width = 375;
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

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    [TestCase(true)]
    [TestCase(false)]
    public async Task SubmitAndOpenMailbox_At375Px_NothingScrollsSidewaysAndDatesDoNotWrap(bool javaScript)
    {
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        Store.EnsureMailbox(keys.MailboxId);
        var reviewers = factory.Services.GetRequiredService<ReviewerKeys>().Recipients;
        byte[] reply = AgeEncryption.Encrypt(factory.SignedReply(keys.MailboxId, "Which facility?"), [keys.ReplyRecipient, .. reviewers]);
        Assert.That(Store.Transfer().StoreReply(BundleItem.NewId(), keys.MailboxId, new MemoryStream(reply)), Is.True);

        var browser = await Chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new() { Width = Width, Height = 800 },
        });
        var page = await context.NewPageAsync();

        foreach (string lang in new[] { "en", "es" })
        {
            await page.GotoAsync(new Uri(baseAddress, $"/{lang}/submit").ToString());
            await AssertNoSidewaysScrollAsync(page, $"{lang}/submit");

            await page.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());
            await AssertNoSidewaysScrollAsync(page, $"{lang}/mailbox");
            await page.FillAsync("#codename", codename);
            if (javaScript)
            {
                await page.ClickAsync("#mailbox-form button[type=submit]");
                await page.Locator(".js-replies").WaitForAsync(new() { Timeout = 60_000 });
            }
            else
            {
                await NoJsBrowser.SubmitAsync(page);
            }

            await AssertNoSidewaysScrollAsync(page, $"{lang}/mailbox opened");
            var dates = page.Locator("main time");
            Assert.That(await dates.CountAsync(), Is.EqualTo(1), "the reply's date is a <time> element");
            int lines = await dates.EvaluateAsync<int>("t => t.getClientRects().length");
            Assert.That(lines, Is.EqualTo(1), $"{lang}: the date wraps: {await dates.InnerTextAsync()}");
        }
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        int scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.That(scrollWidth, Is.LessThanOrEqualTo(Width), what);
    }
}
