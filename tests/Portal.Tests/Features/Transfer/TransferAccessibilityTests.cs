using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>axe-core on every transfer page in both languages, logged in with items waiting, at desktop and phone widths.</summary>
public class TransferAccessibilityTests
{
    private static readonly string[] Pages = ["transfer", "transfer/passphrase", "transfer/replies", "transfer/receipt", "transfer/audit"];

    private PortalFactory factory = null!;
    private Uri transfer = null!;
    private IBrowserContext context = null!;

    private static IEnumerable<TestCaseData> Cases =>
        PortalPages.Languages.SelectMany(lang => Pages.Select(page => $"/{lang}/{page}"))
            .SelectMany(path => new[] { 1280, 375 }.Select(width => new TestCaseData(path, width)));

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = new PortalFactory();
        factory.Start();
        transfer = factory.TransferAddress;
        TransferData.StoreItems(factory, ItemKind.Submission, ItemKind.Followup);
        var reviewer = Reviewer.Add(factory, "ana");
        string passphrase;
        using (var http = new TransferHttp(transfer))
        {
            passphrase = await http.LoginAndSetPassphraseAsync(reviewer);
        }

        // The browser logs in itself (a Secure cookie cannot be planted for an http:// origin), with the next code.
        var browser = await Chromium.GetAsync();
        context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(transfer, "/en/transfer/login").ToString());
        await page.FillAsync("#name", reviewer.Name);
        await page.FillAsync("#password", passphrase);
        await page.FillAsync("#code", reviewer.Code(1));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Uri(transfer, "/en/transfer").ToString());
        await page.CloseAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await context.DisposeAsync();
        factory.Dispose();
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Page_Axe_NoViolations(string path, int width)
    {
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var response = await page.GotoAsync(new Uri(transfer, path).ToString());

        var result = await page.RunAxe();

        Assert.That(response!.Status, Is.EqualTo(200));
        Assert.That(page.Url, Does.EndWith(path), "logged in: no redirect to the login page");
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.That(violations, Is.Empty);
        await page.CloseAsync();
    }

    [TestCase("en")]
    [TestCase("es")]
    public async Task LoginPage_Axe_NoViolations(string lang)
    {
        var browser = await Chromium.GetAsync();
        await using var anonymous = await browser.NewContextAsync();
        var page = await anonymous.NewPageAsync();
        await page.GotoAsync(new Uri(transfer, $"/{lang}/transfer/login").ToString());

        var result = await page.RunAxe();

        Assert.That(await page.GetAttributeAsync("html", "lang"), Is.EqualTo(lang));
        Assert.That(result.Violations.Select(v => $"{v.Id}: {v.Help}"), Is.Empty);
    }
}
