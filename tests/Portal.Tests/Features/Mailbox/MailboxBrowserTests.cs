using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Localization;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Browser;
using WhistleSubmit.Portal.Tests.Features.Submit;

namespace WhistleSubmit.Portal.Tests.Features.Mailbox;

/// <summary>The mailbox with JavaScript disabled: a reply decrypted on the server with the reply identity, and a follow-up.</summary>
public class MailboxBrowserTests
{
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;

    [OneTimeSetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string> { ["Portal:NoJs:FormTokenMinAgeSeconds"] = "1" });
        baseAddress = factory.Start();
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    [TestCase("en", "Reply received on")]
    [TestCase("es", "Respuesta recibida el")]
    public async Task Codename_WithReply_ShowsReplyDecryptedThenAcceptsFollowup(string lang, string replyHeading)
    {
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        Store.EnsureMailbox(keys.MailboxId);
        string replyText = $"Thank you. Which facility was it? ({lang})";
        StoreReply(keys, replyText);
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());

        await page.FillAsync("#codename", "  " + codename.ToUpperInvariant().Replace(" ", "   ", StringComparison.Ordinal));
        var opened = await NoJsBrowser.SubmitAsync(page);

        Assert.That(opened.Status, Is.EqualTo(200));
        Assert.That(await page.InnerTextAsync(".reply h3"), Does.StartWith(replyHeading));
        Assert.That(await page.InnerTextAsync(".reply-text"), Is.EqualTo(replyText));
        Assert.That(await page.Locator("[data-path=server]").CountAsync(), Is.EqualTo(1));
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);

        await page.FillAsync("#text", "It was the Houston facility.");
        await page.SetInputFilesAsync("#files", new FilePayload { Name = "schedule.txt", MimeType = "text/plain", Buffer = "nights"u8.ToArray() });
        await Task.Delay(1100);
        var sent = await NoJsBrowser.SubmitAsync(page);

        Assert.That(sent.Status, Is.EqualTo(200));
        var mailboxText = lang == "es" ? SpanishMailboxText.Instance : EnglishMailboxText.Instance;
        Assert.That(await page.InnerTextAsync("#path-heading"), Is.EqualTo(mailboxText.FollowupPathHeading), "a message, not a report");
        string receipt = await page.InnerTextAsync("#receipt");
        var item = Store.Transfer().ListUnexported().Single(i => i.Id == receipt);
        Assert.That((item.Kind, item.MailboxId), Is.EqualTo((ItemKind.Followup, keys.MailboxId)));
        var (contents, files) = StoredSubmission.Open(Store, receipt, factory.DataDirectory);
        Assert.That(contents.Message!.Text, Is.EqualTo("It was the Houston facility."));
        Assert.That((contents.Message.V, contents.Message.CaseKey, contents.Message.MailboxId), Is.EqualTo((3, Convert.ToHexStringLower(keys.CaseKey), keys.MailboxId)),
            "v3: the case key came back from the mailbox page's hidden field");
        Assert.That(contents.Message.Attachments.Select(a => a.Copy), Is.All.EqualTo(AttachmentCopy.Original), "the no-JS path cleans nothing");
        Assert.That(contents.Message.Client.EncryptedBy, Is.EqualTo(EncryptedBy.Server));
        Assert.That(contents.Message.Attachments.Single().Name, Is.EqualTo("schedule.txt"));
        Assert.That(files.Single(), Is.EqualTo("nights"u8.ToArray()));
        Assert.That(DataDirectoryCanaries.FilesContaining(factory.DataDirectory, [replyText, "Houston facility", codename]), Is.Empty);
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);
    }

    // P3: anyone can encrypt to the reply key (it is in the stored report); only the team signs. The server's own text
    // must not be shown as the reviewers'.
    [TestCase("en", "Warning: this reply is not signed by the reviewers")]
    [TestCase("es", "Advertencia: esta respuesta no está firmada por los revisores")]
    public async Task Codename_UnsignedReply_ShowsTheWarningNotTheText(string lang, string warning)
    {
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        Store.EnsureMailbox(keys.MailboxId);
        StoreReply(keys, "FORGED: send us the names.", signed: false);
        StoreReply(keys, "Signed for you.");
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());

        await page.FillAsync("#codename", codename);
        await NoJsBrowser.SubmitAsync(page);

        Assert.That(await page.InnerTextAsync("#replies"), Does.Not.Contain("FORGED"));
        Assert.That(await page.InnerTextAsync(".reply-warning"), Does.StartWith(warning));
        Assert.That(await page.InnerTextAsync(".reply-text"), Is.EqualTo("Signed for you."));
    }

    [Test]
    public async Task Codename_OpenedWithReplies_MarksThemRead()
    {
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        Store.EnsureMailbox(keys.MailboxId);
        StoreReply(keys, "Read me.");
        int unreadBefore = Store.Transfer().Status().UnreadReplies;
        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/en/mailbox").ToString());

        await page.FillAsync("#codename", codename);
        await NoJsBrowser.SubmitAsync(page);

        Assert.That(Store.Transfer().Status().UnreadReplies, Is.EqualTo(unreadBefore - 1));
    }

    [TestCase("en", "No mailbox found for this codename. Check the words")]
    [TestCase("es", "No se encontró ningún buzón con este nombre clave")]
    public async Task Codename_Unknown_SaysNoMailboxFoundAndNothingMore(string lang, string message)
    {
        var browser = await Chromium.GetAsync();
        await using (var jsContext = await browser.NewContextAsync())
        {
            var jsPage = await jsContext.NewPageAsync();
            await jsPage.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());
            await jsPage.FillAsync("#codename", Codename.Generate());
            await jsPage.ClickAsync("#mailbox-form button[type=submit]");
            await jsPage.Locator(".js-error").WaitForAsync(new() { Timeout = 60_000 });
            Assert.That(await jsPage.InnerTextAsync(".js-error"), Does.StartWith(message), "the same words with JavaScript");
        }

        await using var context = await NoJsBrowser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());

        await page.FillAsync("#codename", Codename.Generate());
        var response = await NoJsBrowser.SubmitAsync(page);

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(await page.InnerTextAsync(".error-summary"), Does.StartWith(message));
        Assert.That(await page.Locator("#codename").InputValueAsync(), Is.Empty, "the codename is not echoed back");
        await AxeSnapshot.AssertNoViolationsAsync(page, baseAddress);
    }

    [TestCase("en", false, "A codename has eight words; you entered 7.", "“zzqxv” is not one of the codename words.")]
    [TestCase("es", false, "Un nombre clave tiene ocho palabras; usted escribió 7.", "«zzqxv» no es una de las palabras de los nombres clave.")]
    [TestCase("en", true, "A codename has eight words; you entered 7.", "“zzqxv” is not one of the codename words.")]
    [TestCase("es", true, "Un nombre clave tiene ocho palabras; usted escribió 7.", "«zzqxv» no es una de las palabras de los nombres clave.")]
    public async Task Codename_Malformed_SaysWhichProblemWithoutEchoingTheOtherWords(string lang, bool javaScript, string wrongCount, string unknownWord)
    {
        var browser = await Chromium.GetAsync();
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        string[] words = Codename.Generate().Split(' ');

        string seven = await TryOpenAsync(page, lang, javaScript, string.Join(' ', words[..7]));
        string mistyped = await TryOpenAsync(page, lang, javaScript, string.Join(' ', [.. words[..3], "ZZQXV", .. words[4..]]));

        Assert.That(seven, Does.StartWith(wrongCount));
        Assert.That(mistyped, Does.StartWith(unknownWord));
        foreach (string word in words.Where(w => w.Length > 2))
        {
            Assert.That(seven + mistyped, Does.Not.Contain(word), "only the unknown word is shown, never the codename");
        }
    }

    private async Task<string> TryOpenAsync(IPage page, string lang, bool javaScript, string typed)
    {
        await page.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox").ToString());
        await page.FillAsync("#codename", typed);
        if (javaScript)
        {
            await page.ClickAsync("#mailbox-form button[type=submit]");
            await page.Locator(".js-error").WaitForAsync(new() { Timeout = 60_000 });
            return (await page.InnerTextAsync(".js-error")).Trim();
        }

        var response = await NoJsBrowser.SubmitAsync(page);
        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(await page.Locator("#codename").InputValueAsync(), Is.Empty, "the codename is not echoed back");
        return (await page.InnerTextAsync(".error-summary")).Trim();
    }

    /// <summary>A reply as the console makes it: signed with the team key, encrypted to the source's reply recipient and the reviewers.</summary>
    private void StoreReply(SourceKeys keys, string text, bool signed = true)
    {
        var reviewers = factory.Services.GetRequiredService<ReviewerKeys>().Recipients;
        byte[] plaintext = signed ? factory.SignedReply(keys.MailboxId, text) : Encoding.UTF8.GetBytes(text);
        byte[] ciphertext = AgeEncryption.Encrypt(plaintext, [keys.ReplyRecipient, .. reviewers]);
        Assert.That(Store.Transfer().StoreReply(BundleItem.NewId(), keys.MailboxId, new MemoryStream(ciphertext)), Is.True);
    }

}
