using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Browser;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Features.Submit;

namespace WhistleSubmit.Portal.Tests.Features.Mailbox;

/// <summary>
/// Case status and consent requests in the mailbox (issues 18, 19), without JavaScript (the server decrypts) and with
/// it (Chromium decrypts): the newest verified status wins whatever the order served, a status signed by another key
/// is not shown, and a consent answer is stored as a follow-up holding consent.json.
/// </summary>
public class MailboxStatusTests
{
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string> { ["Portal:NoJs:FormTokenMinAgeSeconds"] = "0" });
        baseAddress = factory.Start();
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    [TestCase("en", "Referred: the reviewers have passed the case on.", "Referred to: an Inspector General's office")]
    [TestCase("es", "Remitida: los revisores enviaron el caso a otra instancia.", "Remitida a: an Inspector General's office")]
    public async Task NoJs_StatusesAndConsentRequest_NewestStatusShownAndAnswerStored(string lang, string statusText, string referredText)
    {
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        string request = StoreItems(keys);
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());
        await page.FillAsync("#codename", codename);

        await NoJsBrowser.SubmitAsync(page);

        Assert.That(await page.InnerTextAsync(".case-status"), Is.EqualTo(statusText));
        Assert.That(await page.InnerTextAsync(".case-referred-to"), Is.EqualTo(referredText));
        Assert.That(await page.InnerTextAsync("#case-status"), Does.Not.Contain("Closed").And.Not.Contain("Cerrada"), "the forged, newer-dated status");
        Assert.That(await page.Locator(".consent-form fieldset").CountAsync(), Is.EqualTo(2));
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);

        await page.CheckAsync($"#consent-{request}-osc-yes");
        await page.CheckAsync($"#consent-{request}-press-no");
        var sent = await NoJsBrowser.SubmitAsync(page, ".consent-form button[type=submit]");

        Assert.That(sent.Status, Is.EqualTo(200));
        AssertConsentStored(await page.InnerTextAsync("#receipt"), keys, request);
    }

    [Test]
    public async Task Js_StatusesAndConsentRequest_NewestStatusShownAndAnswerStored()
    {
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        string request = StoreItems(keys);
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "en/mailbox").ToString());
        await page.FillAsync("#codename", codename);
        await page.ClickAsync("#mailbox-form button[type=submit]");
        await page.Locator(".js-case-status").WaitForAsync(new() { Timeout = 60_000 });

        Assert.That(await page.InnerTextAsync(".js-case-status .case-status"), Is.EqualTo("Referred: the reviewers have passed the case on."));
        Assert.That(await page.InnerTextAsync(".js-case-status .case-referred-to"), Is.EqualTo("Referred to: an Inspector General's office"));
        Assert.That(await page.Locator(".js-consent fieldset").CountAsync(), Is.EqualTo(2));
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);

        await page.CheckAsync($"#js-consent-{request}-osc-yes");
        await page.CheckAsync($"#js-consent-{request}-press-no");
        await page.ClickAsync(".js-consent button[type=submit]");
        await page.Locator(".js-sent .receipt").WaitForAsync(new() { Timeout = 120_000 });

        AssertConsentStored(await page.InnerTextAsync(".js-sent .receipt"), keys, request);
    }

    private void AssertConsentStored(string receipt, SourceKeys keys, string request)
    {
        var item = Store.Transfer().ListUnexported().Single(i => i.Id == receipt);
        Assert.That((item.Kind, item.MailboxId), Is.EqualTo((ItemKind.Followup, keys.MailboxId)), "an answer looks like a follow-up");
        var (contents, files) = StoredSubmission.Open(Store, receipt, factory.DataDirectory);
        Assert.That(files, Is.Empty);
        Assert.That(contents.Consent!.Request, Is.EqualTo(request));
        Assert.That(contents.Consent.CaseKey, Is.EqualTo(Convert.ToHexStringLower(keys.CaseKey)));
        Assert.That(contents.Consent.Answers.Select(a => $"{a.Destination}={a.Answer}"), Is.EqualTo(new[] { "osc=yes", "press=no" }));
    }

    /// <summary>Stores, in this order: the newer status, an older one served again, a forged "closed" of a later day, a consent request. Returns the request id.</summary>
    private string StoreItems(SourceKeys keys)
    {
        Store.EnsureMailbox(keys.MailboxId);
        using TeamSigningKey team = factory.TeamSigningKey();
        using TeamSigningKey other = TeamSigningKey.FromSeeds(Enumerable.Repeat((byte)7, 32).ToArray(), new byte[32]);
        SignedCaseStatus Status(string day, long seq, string status, string? to = null) =>
            new() { MailboxId = keys.MailboxId, Id = BundleItem.NewId(), Day = day, Seq = seq, Status = status, ReferredTo = to };
        var request = new SignedConsentRequest { MailboxId = keys.MailboxId, Id = BundleItem.NewId(), Day = "2026-12-05", Destinations = ["osc", "press"] };
        Put(keys, Status("2026-12-04", 2, "referred", "an Inspector General's office").ToSignedDocument(team));
        Put(keys, Status("2026-12-01", 1, "received").ToSignedDocument(team));
        Put(keys, Status("2026-12-09", 3, "closed").ToSignedDocument(other));
        Put(keys, request.ToSignedDocument(team));
        return request.Id;
    }

    private void Put(SourceKeys keys, byte[] plaintext)
    {
        var reviewers = factory.Services.GetRequiredService<ReviewerKeys>().Recipients;
        byte[] ciphertext = AgeEncryption.Encrypt(plaintext, [keys.ReplyRecipient, .. reviewers]);
        Assert.That(Store.Transfer().StoreReply(BundleItem.NewId(), keys.MailboxId, new MemoryStream(ciphertext)), Is.True);
    }
}
