using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Browser;
using WhistleSubmit.Portal.Tests.Features.Submit;
using WhistleSubmit.Portal.Tests.Store;

namespace WhistleSubmit.Portal.Tests.Features.Mailbox;

/// <summary>A no-JS follow-up sent before its ticket is old enough: the form comes back with the text, not an error page.</summary>
public class FollowupTooSoonTests
{
    // Long enough that opening the mailbox and sending at once is always too soon, even on a loaded machine.
    private const int MinAgeSeconds = 6;
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string> { ["Portal:NoJs:FormTokenMinAgeSeconds"] = MinAgeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        baseAddress = factory.Start();
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    [TestCase("en", "Your message is kept below")]
    [TestCase("es", "Su mensaje se conserva abajo")]
    public async Task Followup_SentTooSoon_ShowsTheFormAgainWithTheTextKeptThenSends(string lang, string kept)
    {
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        Store.EnsureMailbox(keys.MailboxId);
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());
        await page.FillAsync("#codename", codename);
        await NoJsBrowser.SubmitAsync(page);
        string message = "Typed with care, line one.\nLine two.";

        await page.FillAsync("#text", message);
        var refused = await NoJsBrowser.SubmitAsync(page);

        Assert.That(refused.Status, Is.EqualTo(403));
        Assert.That(await page.InnerTextAsync(".error-summary"), Does.Contain(kept));
        Assert.That(await page.Locator("#text").InputValueAsync(), Is.EqualTo(message));
        Assert.That(Store.Transfer().ListUnexported().Where(i => i.MailboxId == keys.MailboxId), Is.Empty);
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);

        await Task.Delay((MinAgeSeconds * 1000) + 100);
        var sent = await NoJsBrowser.SubmitAsync(page);

        Assert.That(sent.Status, Is.EqualTo(200));
        var (contents, _) = StoredSubmission.Open(Store, await page.InnerTextAsync("#receipt"), factory.DataDirectory);
        Assert.That(contents.Message!.Text.Replace("\r\n", "\n", StringComparison.Ordinal), Is.EqualTo(message));
    }
}
