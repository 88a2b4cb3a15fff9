using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Localization;
using WhistleSubmit.Portal.Store;
using WhistleSubmit.Portal.Tests.Store;
using WhistleSubmit.Portal.Tests.Browser;

namespace WhistleSubmit.Portal.Tests.Features.BrowserPath;

/// <summary>
/// The JavaScript path end to end on the real pages (/{lang}/submit, /{lang}/mailbox), the real upload API and the
/// real store, in Chromium: only ciphertext is stored, it decrypts with the demo identity (C# AgeEncryption +
/// SubmissionReader) to exactly what was submitted, an upload whose chunk request is cut off resumes, replies are
/// decrypted in the browser and follow-ups go through the same upload path.
/// </summary>
[NonParallelizable]
public class PortalBrowserPathTests
{
    private PortalFactory factory = null!;
    private Uri baseAddress = null!;
    private string filesDirectory = null!;

    [SetUp]
    public void Start()
    {
        factory = new PortalFactory(new Dictionary<string, string>
        {
            ["Portal:ProofOfWork:BaseBits"] = "8",
            ["Portal:ProofOfWork:MaxBits"] = "8",

            // The expiry sweep runs every second, concurrently with the uploads below.
            ["Portal:Store:ExpirySweepSeconds"] = "1",
        });
        baseAddress = factory.Start();
        filesDirectory = Directory.CreateTempSubdirectory("whistle-browser-files-").FullName;
    }

    [TearDown]
    public void Stop()
    {
        factory.Dispose();
        Directory.Delete(filesDirectory, recursive: true);
    }

    private PortalDatabase Store => factory.Services.GetRequiredService<PortalDatabase>();

    [Test]
    public async Task Submit_TwoAttachments_StoresOnlyCiphertextThatDecryptsToTheSubmission()
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();

        var submitted = await SubmitAsync(context, "en");

        AssertStoredSubmission(submitted);
    }

    [Test]
    public async Task Submit_ChunkRequestCutOff_ResumesAndCompletes()
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        int aborted = 0;
        await context.RouteAsync("**/api/uploads/*/chunks/1", async route =>
        {
            if (Interlocked.Increment(ref aborted) == 1)
            {
                await route.AbortAsync("connectionreset");
            }
            else
            {
                await route.ContinueAsync();
            }
        });

        var submitted = await SubmitAsync(context, "es", bigFile: 9 * 1024 * 1024);

        Assert.That(aborted, Is.GreaterThanOrEqualTo(2), "chunk 1 was cut off once and sent again");
        AssertStoredSubmission(submitted);
    }

    // The JS-on race: on a slow link the form is on screen before the deferred portal.js runs. A press then must not
    // post the report down the no-JS path (the server would see it): guard.js holds it, says so, and portal.js sends it.
    [Test]
    public async Task Submit_PressedWhilePortalJsStillLoading_NothingPostedUntilTheBrowserPathSendsIt()
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await context.RouteAsync("**/js/portal.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();
        var posts = PostsOf(page);
        await page.GotoAsync(new Uri(baseAddress, "en/submit").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("textarea[name='description']", "Sent before the script was here.");

        await page.ClickAsync("#report-form button[type=submit]");
        await page.Locator(".js-guard").WaitForAsync();

        Assert.That(await page.InnerTextAsync(".js-guard"), Does.StartWith("Nothing has been sent yet"));
        Assert.That(await page.GetAttributeAsync("#encryption-path", "data-path"), Is.EqualTo("server"), "portal.js has not run");
        Assert.That(posts, Is.Empty);
        release.SetResult();
        await page.Locator(".js-submitted, .js-error").First.WaitForAsync(new() { Timeout = 120_000 });
        Assert.That(await page.Locator(".js-error, .js-guard").CountAsync(), Is.Zero, await page.InnerTextAsync("main"));
        Assert.That(posts, Does.Not.Contain("/en/submit"), "never the no-JS path");
        string receipt = (await page.Locator(".js-submitted .receipt").InnerTextAsync()).Trim();
        Assert.That(Decrypt(receipt, (_, _) => { }).Report!.Client.EncryptedBy, Is.EqualTo(EncryptedBy.Browser));
    }

    [Test]
    public async Task Submit_PortalJsFailsToLoadAfterPress_SaysSoAndOnlyTheNextPressUsesTheNoJsPath()
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await context.RouteAsync("**/js/portal.js", async route =>
        {
            await release.Task;
            await route.AbortAsync("connectionreset");
        });
        var page = await context.NewPageAsync();
        var posts = PostsOf(page);
        await page.GotoAsync(new Uri(baseAddress, "es/submit").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("textarea[name='description']", "The script never came.");
        await page.ClickAsync("#report-form button[type=submit]");
        await page.Locator(".js-guard").WaitForAsync();

        release.SetResult();
        await page.Locator(".js-guard[role=alert]").WaitForAsync();

        Assert.That(await page.InnerTextAsync(".js-guard"), Does.StartWith("No se pudo cargar el código que cifra en su navegador. No se envió nada."));
        Assert.That(posts, Is.Empty);
        await page.RunAndWaitForRequestAsync(() => page.ClickAsync("#report-form button[type=submit]"), r => r.Method == "POST");
        Assert.That(posts, Is.EqualTo(new[] { "/es/submit" }), "the source chose the no-JS path, having been told");
    }

    [Test]
    public async Task Submit_PortalJsFailsToLoadBeforeAnyPress_SaysSoBeforeThePress()
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        await context.RouteAsync("**/js/portal.js", route => route.AbortAsync("connectionreset"));
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(baseAddress, "en/submit").ToString());
        await page.Locator(".js-guard[role=alert]").WaitForAsync();

        Assert.That(await page.InnerTextAsync(".js-guard"), Does.StartWith("The code that encrypts in your browser could not load. Nothing has been sent."));
        Assert.That(await page.GetAttributeAsync("#encryption-path", "data-path"), Is.EqualTo("server"));
    }

    // portal.js loaded (its integrity held) but threw before it took the forms over: a held press must not wait for ever.
    [Test]
    public async Task Submit_PortalJsThrowsBeforeItIsReady_HeldPressReleasedWithAnAlert()
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await context.RouteAsync("**/js/portal.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        // portal.js attaches its submit handlers with form.addEventListener; guard.js listens on the document.
        await context.AddInitScriptAsync("HTMLFormElement.prototype.addEventListener = () => { throw new Error('broken for the test'); };");
        var page = await context.NewPageAsync();
        var posts = PostsOf(page);
        await page.GotoAsync(new Uri(baseAddress, "en/submit").ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("textarea[name='description']", "Pressed before a broken script.");
        await page.ClickAsync("#report-form button[type=submit]");
        await page.Locator(".js-guard[role=status]").WaitForAsync();

        release.SetResult();
        await page.Locator(".js-guard[role=alert]").WaitForAsync();

        Assert.That(await page.InnerTextAsync(".js-guard"), Does.StartWith("The code that encrypts in your browser could not load."));
        Assert.That(await page.GetAttributeAsync("#report-form", "aria-busy"), Is.Null, "the press is no longer held");
        Assert.That(posts, Is.Empty, "nothing sent without the source's next press");
    }

    /// <summary>The paths of the page's POST requests, as they are sent.</summary>
    private static List<string> PostsOf(IPage page)
    {
        var posts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST")
            {
                posts.Add(new Uri(request.Url).AbsolutePath);
            }
        };
        return posts;
    }

    [Test]
    public async Task Mailbox_ReplyStored_ShownDecryptedInBrowserAndFollowUpStored()
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var submitted = await SubmitAsync(context, "en");
        using var keys = SourceKeys.Derive(submitted.Codename);
        var item = Store.Transfer().ListUnexported().Single();
        string replyText = "Reply for you: " + Guid.NewGuid().ToString("N");
        byte[] reply = AgeEncryption.Encrypt(factory.SignedReply(keys.MailboxId, replyText), [keys.ReplyRecipient]);
        Store.Transfer().StoreReply(BundleItemId(), keys.MailboxId, new MemoryStream(reply));
        // P3: a reply the server wrote itself (anyone can encrypt to the reply key) is shown only as a warning.
        byte[] forged = AgeEncryption.Encrypt(Encoding.UTF8.GetBytes("FORGED: delete your files."), [keys.ReplyRecipient]);
        Store.Transfer().StoreReply(BundleItemId(), keys.MailboxId, new MemoryStream(forged));

        var page = await context.NewPageAsync();
        var requests = new List<IRequest>();
        page.Request += (_, request) => requests.Add(request);
        await page.GotoAsync(new Uri(baseAddress, "en/mailbox").ToString());
        await page.FillAsync("#codename", submitted.Codename.ToUpperInvariant());
        await page.ClickAsync("#mailbox-form button[type=submit]");
        await page.Locator(".js-replies").WaitForAsync(new() { Timeout = 60_000 });

        Assert.That(await page.Locator(".js-replies .reply-text").InnerTextAsync(), Is.EqualTo(replyText));
        Assert.That(await page.Locator(".js-replies .reply-warning").InnerTextAsync(), Does.StartWith("Warning: this reply is not signed by the reviewers"));
        Assert.That(await page.Locator(".js-replies").InnerTextAsync(), Does.Not.Contain("FORGED"));
        Assert.That(requests.Count(r => r.Method == "POST" && r.Url.EndsWith("/api/mailbox/read", StringComparison.Ordinal)), Is.EqualTo(1));
        foreach (var request in requests)
        {
            Assert.That(request.PostData ?? string.Empty, Does.Not.Contain(submitted.Codename.Split(' ')[0]), request.Url);
        }

        await page.FillAsync("#js-followup-text", "More: " + submitted.Canary);
        await page.ClickAsync(".js-followup button[type=submit]");
        await page.Locator(".js-sent, .js-error").First.WaitForAsync(new() { Timeout = 60_000 });
        Assert.That(await page.Locator(".js-error").CountAsync(), Is.Zero, await page.Locator("main").InnerTextAsync());
        Assert.That(await page.InnerTextAsync(".js-sent h2"), Is.EqualTo(EnglishMailboxText.Instance.FollowupSentTitle), "the same words as without JavaScript");
        Assert.That(await page.InnerTextAsync(".js-sent p"), Does.StartWith(EnglishMailboxText.Instance.FollowupSentBody));

        var followup = Store.Transfer().ListUnexported().Single(i => i.Kind == ItemKind.Followup);
        Assert.That(followup.MailboxId, Is.EqualTo(item.MailboxId));
        var contents = Decrypt(followup.Id, (_, _) => { });
        Assert.That(contents.Message!.Text, Is.EqualTo("More: " + submitted.Canary));
        Assert.That(contents.Message.Client.EncryptedBy, Is.EqualTo(EncryptedBy.Browser));
    }

    [TestCase("en")]
    [TestCase("es")]
    public async Task Submitted_WithJavaScript_SaysWhatTheNoJsResultPageSaysAndListsTheFiles(string language)
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var page = await context.NewPageAsync();
        var text = (language == "es" ? SpanishText.Instance : EnglishText.Instance).Submit;

        var submitted = await SubmitAsync(context, language, page);

        Assert.That(await page.InnerTextAsync("main h1"), Is.EqualTo(text.ResultTitle));
        Assert.That(await page.Locator(".js-submitted .points li").AllInnerTextsAsync(), Is.EqualTo(text.CodenameAdvice));
        Assert.That(await page.InnerTextAsync(".js-submitted"), Does.Contain(text.ReceiptHint).And.Contain(text.ResultPathBrowser[0]));
        Assert.That(await page.Locator(".js-submitted .files-sent li").AllInnerTextsAsync(), Is.EqualTo(submitted.Files.Select(f => f.Name)));
        Assert.That(await page.Locator("#report-form, .no-files-sent:visible").CountAsync(), Is.Zero);
    }

    [TestCase("en")]
    [TestCase("es")]
    public async Task Pages_WithJavaScript_AxeFindsNoViolations(string language)
    {
        await using var context = await (await Chromium.GetAsync()).NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (string path in new[] { "submit", "mailbox" })
        {
            await page.GotoAsync(new Uri(baseAddress, $"{language}/{path}").ToString());
            Assert.That(await page.GetAttributeAsync("#encryption-path", "data-path"), Is.EqualTo("browser"), path);
            await AssertAxeCleanAsync(page, path);
        }

        var submitted = await SubmitAsync(context, language, page);
        Assert.That(submitted.Codename, Is.Not.Empty);
        await AssertAxeCleanAsync(page, "submitted panel");
    }

    private static async Task AssertAxeCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
        Assert.That(violations, Is.Empty, what);
    }

    private static string BundleItemId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    private sealed record Submitted(string Canary, string Codename, string Receipt, string Language, (string Name, byte[] Bytes)[] Files);

    private async Task<Submitted> SubmitAsync(IBrowserContext context, string language, IPage? page = null, int bigFile = 150_000)
    {
        string canary = "CANARY-" + Guid.NewGuid().ToString("N");
        (string Name, byte[] Bytes)[] files =
        [
            ("memo " + canary[..12] + ".txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(canary + " file one\n", 400)))),
            ("photo.jpg", [.. Encoding.UTF8.GetBytes(canary), .. Enumerable.Range(0, bigFile).Select(i => unchecked((byte)(i * 31)))]),
        ];
        foreach (var (name, bytes) in files)
        {
            await File.WriteAllBytesAsync(Path.Combine(filesDirectory, name), bytes);
        }

        page ??= await context.NewPageAsync();
        var securityErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("integrity", StringComparison.OrdinalIgnoreCase))
            {
                securityErrors.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(baseAddress, $"{language}/submit").ToString());
        await page.CheckAsync("input[name='relationship'][value='former-staff']");
        await page.CheckAsync("input[name='categories'][value='arrest-quotas']");
        await page.CheckAsync("input[name='categories'][value='unlawful-force']");
        await page.FillAsync("input[name='when.from']", "2025-03-01");
        await page.FillAsync("input[name='where.state']", "tx");
        await page.FillAsync("input[name='harm.injuries']", "2");
        await page.FillAsync("textarea[name='description']", "What happened: " + canary);
        await page.SetInputFilesAsync("#files", files.Select(f => Path.Combine(filesDirectory, f.Name)));
        await page.ClickAsync("#report-form button[type=submit]");

        await page.Locator(".js-submitted").WaitForAsync(new() { Timeout = 120_000 });
        string codename = (await page.Locator(".js-submitted .codename").InnerTextAsync()).Trim();
        string receipt = (await page.Locator(".js-submitted .receipt").InnerTextAsync()).Trim();
        Assert.That(securityErrors, Is.Empty);
        return new Submitted(canary, codename, receipt, language, files);
    }

    private SubmissionContents Decrypt(string itemId, Action<ContainerAttachment, Stream> onAttachment)
    {
        using var identities = File.OpenText(Path.Combine(factory.DataDirectory, "demo-reviewer-identity.txt"));
        var identity = AgeKeys.ParseIdentitiesFile(identities);
        using var ciphertext = Store.Transfer().OpenCiphertext(itemId);
        using var plaintext = AgeEncryption.Decrypt(ciphertext, identity);
        return SubmissionReader.Read(plaintext, onAttachment);
    }

    private void AssertStoredSubmission(Submitted submitted)
    {
        Assert.That(DataDirectoryCanaries.FilesContaining(factory.DataDirectory, submitted.Canary), Is.Empty, "plaintext reached the server's data directory");

        var item = Store.Transfer().ListUnexported().Single(i => i.Id == submitted.Receipt);
        var received = new List<(string Entry, byte[] Bytes)>();
        var contents = Decrypt(item.Id, (attachment, data) =>
        {
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            received.Add((attachment.EntryName, copy.ToArray()));
        });

        using var keys = SourceKeys.Derive(submitted.Codename);
        var report = contents.Report!;
        Assert.Multiple(() =>
        {
            Assert.That(item.Kind, Is.EqualTo(ItemKind.Submission));
            Assert.That(item.MailboxId, Is.EqualTo(keys.MailboxId));
            Assert.That(submitted.Codename.Split(' '), Has.Length.EqualTo(8));
            Assert.That(report.Description, Is.EqualTo("What happened: " + submitted.Canary));
            Assert.That(report.Relationship, Is.EqualTo(Relationship.FormerStaff));
            Assert.That(report.Categories, Is.EquivalentTo(new[] { Category.ArrestQuotas, Category.UnlawfulForce }));
            Assert.That(report.When?.From, Is.EqualTo(new DateOnly(2025, 3, 1)));
            Assert.That(report.Where?.State, Is.EqualTo("TX"));
            Assert.That(report.Harm?.Injuries, Is.EqualTo(2));
            Assert.That(report.Client.EncryptedBy, Is.EqualTo(EncryptedBy.Browser));
            Assert.That(report.Client.Language, Is.EqualTo(submitted.Language == "es" ? Language.Es : Language.En));
            Assert.That(report.ReplyRecipient, Is.EqualTo(keys.ReplyRecipient.ToString()));
            Assert.That(report.Attachments.Select(a => (a.Name, a.Size)), Is.EqualTo(submitted.Files.Select(f => (f.Name, (long)f.Bytes.Length))));
            Assert.That(received.Select(r => r.Entry), Is.EqualTo(new[] { "files/001-" + submitted.Files[0].Name, "files/002-photo.jpg" }));
            for (int i = 0; i < received.Count; i++)
            {
                Assert.That(received[i].Bytes, Is.EqualTo(submitted.Files[i].Bytes));
            }
        });
    }
}
