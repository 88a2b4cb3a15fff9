using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Localization;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Features.Submit;

namespace WhistleSubmit.Portal.Tests.Browser;

/// <summary>
/// Every source flow in Tor Browser's engine (Debian's firefox-esr, privacy.resistFingerprinting on) at each of Tor
/// Browser's three security levels: landing, language switch, a report with files, the codename shown, the mailbox
/// with a signed reply, a follow-up, and axe on each page (at Standard: see AssertAxeCleanAsync). Standard and Safer take the browser path (Safer runs it
/// interpreted); Safest has no JavaScript and takes the server path. A failing test keeps a screenshot.
/// </summary>
[TestFixture(TorSecurityLevel.Standard)]
[TestFixture(TorSecurityLevel.Safer)]
[TestFixture(TorSecurityLevel.Safest)]
[NonParallelizable]
public class FirefoxSourceFlowTests(TorSecurityLevel level)
{
    private static readonly TimeSpan BrowserWork = TimeSpan.FromMinutes(4);
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;
    private Firefox firefox = null!;
    private TempDirectory files = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        factory = new PortalFactory(new Dictionary<string, string>
        {
            // Proof of work at test cost; the no-JS form token may be used at once (no sleeps in tests).
            ["Portal:ProofOfWork:BaseBits"] = "8",
            ["Portal:ProofOfWork:MaxBits"] = "8",
            ["Portal:NoJs:FormTokenMinAgeSeconds"] = "0",
        });
        baseAddress = factory.Start();
        files = new TempDirectory("whistle-firefox-files-");
        firefox = await Firefox.LaunchAsync(level);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (firefox is not null)
        {
            await firefox.DisposeAsync();
        }

        factory.Dispose();
        files?.Dispose();
    }

    [SetUp]
    public Task NewPage() => firefox.NewPageAsync();

    [TearDown]
    public Task KeepScreenshot() => firefox.KeepScreenshotIfFailedAsync();

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    private string ExpectedPath => firefox.JavaScript ? "browser" : "server";

    [TestCase("en", "Report abuse at ICE, safely and anonymously")]
    [TestCase("es", "Denuncie abusos en ICE de forma segura y anónima")]
    public async Task Landing_EitherLanguage_RendersWithoutAxeViolations(string lang, string title)
    {
        int status = await firefox.GotoAsync(new Uri(baseAddress, $"/{lang}/"));

        Assert.That(status, Is.EqualTo(200));
        Assert.That(await firefox.AttributeAsync("html", "lang"), Is.EqualTo(lang));
        Assert.That(await firefox.TextAsync("h1"), Is.EqualTo(title));
        await AssertAxeCleanAsync(string.Empty);
    }

    [TestCase("submit")]
    [TestCase("mailbox")]
    public async Task FormPage_ThisLevel_SaysWhichPathItUsesAndHasNoAxeViolations(string path)
    {
        await firefox.GotoAsync(new Uri(baseAddress, $"/en/{path}"));

        Assert.That(await firefox.AttributeAsync("#encryption-path", "data-path"), Is.EqualTo(ExpectedPath));
        await AssertAxeCleanAsync(string.Empty);
    }

    [Test]
    public async Task RightsPage_FromLandingAndForm_RendersWithoutAxeViolations()
    {
        string lang = LanguageFor(flow: 2);
        string title = lang == "es" ? "Sus derechos, antes de escribir" : "Your rights, before you write";
        await firefox.GotoAsync(new Uri(baseAddress, $"/{lang}/"));

        await firefox.ClickAndWaitForPageAsync(".start-links a.rights-link");
        Assert.That((await firefox.UrlAsync()).AbsolutePath, Is.EqualTo($"/{lang}/rights"));
        Assert.That(await firefox.TextAsync("h1"), Is.EqualTo(title));
        await AssertAxeCleanAsync("the rights page");

        await firefox.GotoAsync(new Uri(baseAddress, $"/{lang}/submit"));
        await firefox.ClickAndWaitForPageAsync("main a.rights-link");
        Assert.That((await firefox.UrlAsync()).AbsolutePath, Is.EqualTo($"/{lang}/rights"));
    }

    [Test]
    public async Task LanguageSwitch_ClickedBothWays_ChangesLanguageOfTheSamePage()
    {
        await firefox.GotoAsync(new Uri(baseAddress, "/en/submit"));

        await firefox.ClickAndWaitForPageAsync("a[hreflang=es]");
        Assert.That((await firefox.UrlAsync()).AbsolutePath, Is.EqualTo("/es/submit"));
        Assert.That(await firefox.AttributeAsync("html", "lang"), Is.EqualTo("es"));

        await firefox.ClickAndWaitForPageAsync("a[hreflang=en]");
        Assert.That((await firefox.UrlAsync()).AbsolutePath, Is.EqualTo("/en/submit"));
        Assert.That(await firefox.AttributeAsync("#encryption-path", "data-path"), Is.EqualTo(ExpectedPath));
    }

    [Test]
    public async Task Submit_ReportWithTwoFiles_ShowsCodenameAndStoresExactlyWhatWasSent()
    {
        string lang = LanguageFor(flow: 0);
        var submitted = await SubmitReportAsync(lang);

        var text = (lang == "es" ? SpanishText.Instance : EnglishText.Instance).Submit;
        Assert.That(await firefox.TextAsync("main h1"), Is.EqualTo(text.ResultTitle));
        Assert.That(submitted.Codename.Split(' '), Has.Length.EqualTo(8));
        Assert.That(await firefox.CountAsync(".codename"), Is.EqualTo(1), "the codename is shown once");
        Assert.That(DataDirectoryCanaries.FilesContaining(factory.DataDirectory, submitted.Canary), Is.Empty);

        var item = Store.Transfer().ListUnexported().Single(i => i.Id == submitted.Receipt);
        using var keys = SourceKeys.Derive(submitted.Codename);
        Assert.That((item.Kind, item.MailboxId), Is.EqualTo((ItemKind.Submission, keys.MailboxId)));
        var (contents, received) = StoredSubmission.Open(Store, submitted.Receipt, factory.DataDirectory);
        var report = contents.Report!;
        Assert.That(report.Description, Is.EqualTo("What happened: " + submitted.Canary));
        Assert.That(report.Categories, Is.EqualTo(new[] { Category.ArrestQuotas }));
        Assert.That(report.Where?.Place, Is.EqualTo("Houston ñ"));
        Assert.That(report.Client.EncryptedBy, Is.EqualTo(firefox.JavaScript ? EncryptedBy.Browser : EncryptedBy.Server));
        Assert.That(report.Client.Language, Is.EqualTo(lang == "es" ? Language.Es : Language.En));
        Assert.That(report.ReplyRecipient, Is.EqualTo(keys.ReplyRecipient.ToString()));
        Assert.That(report.Attachments.Select(a => (a.Name, a.Size)), Is.EqualTo(submitted.Files.Select(f => (f.Name, (long)f.Bytes.Length))));
        Assert.That(received, Has.Count.EqualTo(2));
        Assert.That(received[0], Is.EqualTo(submitted.Files[0].Bytes));
        Assert.That(received[1], Is.EqualTo(submitted.Files[1].Bytes));
        await AssertAxeCleanAsync("the page that shows the codename");
    }

    [Test]
    public async Task Mailbox_SignedReply_ShownThenFollowupWithFileStored()
    {
        string lang = LanguageFor(flow: 1);
        string codename = Codename.Generate();
        using var keys = SourceKeys.Derive(codename);
        Store.EnsureMailbox(keys.MailboxId);
        string replyText = $"Which facility was it? ñ ({lang}, {level})";
        StoreReply(keys, replyText);
        string file = Path.Combine(files.Path, "schedule.txt");
        await File.WriteAllTextAsync(file, "nights " + level);

        await firefox.GotoAsync(new Uri(baseAddress, $"/{lang}/mailbox"));
        await firefox.TypeAsync("#codename", codename.ToUpperInvariant());
        string receipt;
        if (firefox.JavaScript)
        {
            await firefox.ClickAsync("#mailbox-form button[type=submit]");
            await firefox.WaitForAsync(".js-replies, .js-error", BrowserWork);
            Assert.That(await firefox.CountAsync(".js-error"), Is.Zero, await firefox.TextAsync("main"));
            Assert.That(await firefox.TextAsync(".js-replies .reply-text"), Is.EqualTo(replyText));
            await AssertAxeCleanAsync("the mailbox with its reply");

            await firefox.TypeAsync("#js-followup-text", "It was the Houston facility.");
            await firefox.SetFilesAsync("#js-followup-files", file);
            await firefox.ClickAsync(".js-followup button[type=submit]");
            await firefox.WaitForAsync(".js-sent, .js-error", BrowserWork);
            Assert.That(await firefox.CountAsync(".js-error"), Is.Zero, await firefox.TextAsync("main"));
            receipt = (await firefox.TextAsync(".js-sent .receipt")).Trim();
        }
        else
        {
            Assert.That(await firefox.ClickAndWaitForPageAsync("#mailbox-form button[type=submit]"), Is.EqualTo(200));
            Assert.That(await firefox.TextAsync(".reply-text"), Is.EqualTo(replyText));
            await AssertAxeCleanAsync("the mailbox with its reply");

            await firefox.TypeAsync("#text", "It was the Houston facility.");
            await firefox.SetFilesAsync("#files", file);
            Assert.That(await firefox.ClickAndWaitForPageAsync("#followup-form button[type=submit]"), Is.EqualTo(200));
            receipt = (await firefox.TextAsync("#receipt")).Trim();
        }

        var mailboxText = lang == "es" ? SpanishMailboxText.Instance : EnglishMailboxText.Instance;
        Assert.That(await firefox.TextAsync("main"), Does.Contain(mailboxText.FollowupSentTitle));
        var item = Store.Transfer().ListUnexported().Single(i => i.Id == receipt);
        Assert.That((item.Kind, item.MailboxId), Is.EqualTo((ItemKind.Followup, keys.MailboxId)));
        var (contents, received) = StoredSubmission.Open(Store, receipt, factory.DataDirectory);
        Assert.That(contents.Message!.Text, Is.EqualTo("It was the Houston facility."));
        Assert.That(contents.Message.CaseKey, Is.EqualTo(Convert.ToHexStringLower(keys.CaseKey)));
        Assert.That(contents.Message.Attachments.Single().Name, Is.EqualTo("schedule.txt"));
        Assert.That(received.Single(), Is.EqualTo(Encoding.UTF8.GetBytes("nights " + level)));
        await AssertAxeCleanAsync("the follow-up's confirmation");
    }

    /// <summary>
    /// The language a whole flow runs in at this level: each flow runs once per level (at Safer a flow takes most of a
    /// minute, interpreted), and the languages alternate across levels and flows, so that each flow meets both
    /// languages in Firefox; the Chromium tests run every flow in both.
    /// </summary>
    private string LanguageFor(int flow) => ((int)level + flow) % 2 == 0 ? "en" : "es";

    /// <summary>
    /// axe in Firefox at Standard. At Safer the DOM is Standard's (the same scripts, interpreted) and axe would run
    /// interpreted too (minutes per page); at Safest axe.run never settles (promises in the WebDriver sandbox do not
    /// run with page JavaScript off). Neither would check anything new: Safest's pages are the server's own HTML, which the Chromium no-JS tests check with axe
    /// (AxeSnapshot).
    /// </summary>
    private async Task AssertAxeCleanAsync(string what)
    {
        if (level == TorSecurityLevel.Standard)
        {
            Assert.That(await firefox.AxeViolationsAsync(), Is.Empty, what);
        }
    }

    private sealed record Submitted(string Canary, string Codename, string Receipt, (string Name, byte[] Bytes)[] Files);

    /// <summary>Fills the report form as a person would, attaches two files, sends it and reads the codename shown.</summary>
    private async Task<Submitted> SubmitReportAsync(string lang)
    {
        string canary = "CANARY-" + Guid.NewGuid().ToString("N");
        (string Name, byte[] Bytes)[] attachments =
        [
            ("memo " + canary[7..15] + ".txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(canary + " file one\n", 400)))),
            ("photo.jpg", [.. Encoding.UTF8.GetBytes(canary), .. Enumerable.Range(0, 200_000).Select(i => unchecked((byte)(i * 31)))]),
        ];
        foreach (var (name, bytes) in attachments)
        {
            await File.WriteAllBytesAsync(Path.Combine(files.Path, name), bytes);
        }

        await firefox.GotoAsync(new Uri(baseAddress, $"/{lang}/submit"));
        await firefox.ClickAsync("input[name='categories'][value='arrest-quotas']");
        await firefox.TypeAsync("input[name='where.place']", "Houston ñ");
        await firefox.TypeAsync("textarea[name='description']", "What happened: " + canary);
        await firefox.SetFilesAsync("#files", [.. attachments.Select(a => Path.Combine(files.Path, a.Name))]);
        string codename;
        string receipt;
        if (firefox.JavaScript)
        {
            await firefox.ClickAsync("#report-form button[type=submit]");
            await firefox.WaitForAsync(".js-submitted, .js-error", BrowserWork);
            Assert.That(await firefox.CountAsync(".js-error"), Is.Zero, await firefox.TextAsync("main"));
            codename = (await firefox.TextAsync(".js-submitted .codename")).Trim();
            receipt = (await firefox.TextAsync(".js-submitted .receipt")).Trim();
        }
        else
        {
            Assert.That(await firefox.ClickAndWaitForPageAsync("#report-form button[type=submit]"), Is.EqualTo(200));
            codename = (await firefox.TextAsync("#codename")).Trim();
            receipt = (await firefox.TextAsync("#receipt")).Trim();
        }

        return new Submitted(canary, codename, receipt, attachments);
    }

    /// <summary>A reply as the console makes it: signed with the team key, encrypted to the source's reply recipient and the reviewers.</summary>
    private void StoreReply(SourceKeys keys, string text)
    {
        var reviewers = factory.Services.GetRequiredService<ReviewerKeys>().Recipients;
        byte[] ciphertext = AgeEncryption.Encrypt(factory.SignedReply(keys.MailboxId, text), [keys.ReplyRecipient, .. reviewers]);
        Assert.That(Store.Transfer().StoreReply(BundleItem.NewId(), keys.MailboxId, new MemoryStream(ciphertext)), Is.True);
    }
}
