using System.Security.Cryptography;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.Transfer;

/// <summary>
/// A reviewer's whole round in headless Chromium, no JavaScript needed by the pages: log in with a TOTP code computed
/// here, set the passphrase, download the bundle and compare its SHA-256 with the page, upload replies and a receipt,
/// read the audit log, log out. axe-core checks each page on the way.
/// </summary>
public class TransferBrowserTests
{
    private PortalFactory factory = null!;
    private Uri transfer = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory();
        factory.Start();
        transfer = factory.TransferAddress;
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [Test]
    public async Task ReviewerRound_Chromium_DownloadsMatchingBundleUploadsRepliesAndReceiptAndLogsOut()
    {
        var reviewer = Reviewer.Add(factory, "ana");
        var (mailbox, items) = TransferData.StoreItems(factory, ItemKind.Submission, ItemKind.Submission, ItemKind.Followup);
        var browser = await Chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { AcceptDownloads = true, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        // Login: redirected there, password and a code computed now.
        await page.GotoAsync(new Uri(transfer, "/en/transfer").ToString());
        Assert.That(page.Url, Does.EndWith("/en/transfer/login"));
        await AssertAccessibleAsync(page);
        await page.FillAsync("#name", reviewer.Name);
        await page.FillAsync("#password", reviewer.Password);
        await page.FillAsync("#code", reviewer.Code());
        await NoJsBrowser.SubmitAsync(page);

        // Chromium keeps a Secure __Host- cookie from http://127.0.0.1 (a potentially trustworthy origin).
        var cookies = await context.CookiesAsync();
        Assert.That(cookies.Select(c => c.Name), Has.Member("__Host-whistle-transfer"));
        Assert.That(cookies.Single(c => c.Name == "__Host-whistle-transfer"), Has.Property("Secure").True.And.Property("HttpOnly").True.And.Property("SameSite").EqualTo(SameSiteAttribute.Strict));

        // Forced passphrase.
        Assert.That(page.Url, Does.EndWith("/en/transfer/passphrase"));
        await AssertAccessibleAsync(page);
        await page.FillAsync("#passphrase", "a passphrase of five words");
        await page.FillAsync("#repeat", "a passphrase of five words");
        await NoJsBrowser.SubmitAsync(page);
        Assert.That(await page.TextContentAsync("main"), Does.Contain("Your passphrase is saved"));

        // Dashboard: what waits.
        await page.ClickAsync("main a[href='/en/transfer']");
        Assert.That(await page.TextContentAsync("#waiting-summary"), Does.Contain("2 new submissions and 1 follow-ups"));
        await AssertAccessibleAsync(page);

        // Prepare and download; the file's SHA-256 is the one on the page.
        await NoJsBrowser.SubmitAsync(page, "form[action='/en/transfer'] button");
        string shown = (await page.TextContentAsync("#prepared-sha256"))!.Trim();
        await AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".ready a[download]"));
        string path = (await download.PathAsync())!;
        byte[] bundle = await File.ReadAllBytesAsync(path);
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(bundle)), Is.EqualTo(shown));
        Assert.That(download.SuggestedFilename, Does.EndWith(".wsbundle"));
        using (var reader = BundleReader.Open(new MemoryStream(bundle)))
        {
            Assert.That(reader.Manifest.Items.Select(i => i.Id), Is.EquivalentTo(items));
        }

        // Replies.
        await page.ClickAsync("nav a[href='/en/transfer/replies']");
        await AssertAccessibleAsync(page);
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "replies.wsbundle", MimeType = "application/octet-stream", Buffer = TransferData.RepliesBundle(factory, mailbox) });
        await NoJsBrowser.SubmitAsync(page);
        Assert.That(await page.TextContentAsync("#import-summary"), Does.Contain("1 replies stored, 0 were already here, 0 skipped"));
        await AssertAccessibleAsync(page);

        // Receipt: the console confirms two of the three; then the third.
        await page.ClickAsync("nav a[href='/en/transfer/receipt']");
        await AssertAccessibleAsync(page);
        await UploadReceiptAsync(page, TransferData.SignedReceipt(factory, shown, items.Take(2).ToList()));
        Assert.That(await page.TextContentAsync("#confirm-summary"), Does.Contain("2 items deleted and 0 already gone"));
        Assert.That(await page.TextContentAsync("#confirm-audit-head"), Does.Contain(TransferData.AuditHead));
        Assert.That(await page.TextContentAsync("main"), Does.Contain(items[0]).And.Contain("not confirmed yet"));
        await AssertAccessibleAsync(page);
        await UploadReceiptAsync(page, TransferData.SignedReceipt(factory, shown, items));
        Assert.That(await page.TextContentAsync("#confirm-summary"), Does.Contain("1 items deleted and 0 already gone"));
        Assert.That(await page.TextContentAsync("#confirm-compaction"), Does.Contain("The store was compacted"));
        Assert.That(await page.TextContentAsync("main"), Does.Contain("its file was removed"));

        var store = factory.Services.GetRequiredService<PortalDatabase>();
        Assert.That(store.Transfer().ListItems().Select(i => i.Kind), Is.EqualTo(new[] { ItemKind.Reply }));
        Assert.That(Directory.GetFiles(Path.Combine(factory.DataDirectory, "transfer")), Is.Empty);

        // Audit log: each step, by account.
        await page.ClickAsync("nav a[href='/en/transfer/audit']");
        await AssertAccessibleAsync(page);
        string audit = (await page.TextContentAsync("#audit"))!;
        foreach (string action in new[] { "login", "passphrase-changed", "export", "download", "import-replies", "confirm" })
        {
            Assert.That(audit, Does.Contain(action));
        }

        Assert.That(await page.TextContentAsync("#audit-chain"), Does.Contain("intact"));
        Assert.That(audit, Does.Not.Contain(reviewer.Password).And.Not.Contain("a passphrase of five words"));

        // The same events in the log, with nothing of the request and no secret.
        string log = factory.Log.AllText;
        // Parsed, not matched as text: the order of an event's properties is not part of its meaning.
        Assert.That(factory.Log.Events.Select(e => System.Text.Json.JsonDocument.Parse(e).RootElement).Any(e =>
            e.GetProperty("MessageTemplate").GetString()!.StartsWith("Transfer audit:", StringComparison.Ordinal)
            && e.GetProperty("Properties").GetProperty("Account").GetString() == "ana"
            && e.GetProperty("Properties").GetProperty("Action").GetString() == "download"), Is.True, log);
        foreach (string secret in new[] { reviewer.Password, "a passphrase of five words", "HeadlessChrome", "__Host-whistle-transfer", "__transfer_af" })
        {
            Assert.That(log, Does.Not.Contain(secret));
        }

        // Log out: back to the login page, and the dashboard needs a login again.
        await NoJsBrowser.SubmitAsync(page, "form.logout button");
        Assert.That(await page.TextContentAsync("main"), Does.Contain("You are logged out."));
        await page.GotoAsync(new Uri(transfer, "/en/transfer").ToString());
        Assert.That(page.Url, Does.EndWith("/en/transfer/login"));
    }

    private static async Task UploadReceiptAsync(IPage page, byte[] receipt)
    {
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "receipt.json", MimeType = "application/json", Buffer = receipt });
        await NoJsBrowser.SubmitAsync(page);
    }

    // axe needs JavaScript, which this context has off (as the pages need none): check a copy with it on.
    private async Task AssertAccessibleAsync(IPage page) => await AxeSnapshot.AssertNoViolationsAsync(page, transfer);
}
