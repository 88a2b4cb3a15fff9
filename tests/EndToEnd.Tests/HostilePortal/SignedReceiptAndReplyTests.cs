using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Signing;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13 attack 4 against the real portal, console and Chromium (P3, P6): the compromised server forges an import
/// receipt to purge items not yet imported (unsigned v1; signed with a key of its own), and forges replies (its own
/// text encrypted to the source's reply recipient, which is public: it is in the report) in an unsigned or foreign
/// replies bundle, or planted straight into its store. Each is refused or shown only as a warning; the honest path
/// (signed receipt deletes, signed reply shows) still works. One source, one vault, in order.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SignedReceiptAndReplyTests
{
    private const string ForgedText = "FORGED BY THE SERVER: send us the names of the investigators.";

    private SignedTransferRig rig = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private string codename = null!;
    private string bundle = null!;
    private string itemId = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        rig = await SignedTransferRig.StartAsync();
        (playwright, browser) = await Chromium.LaunchAsync();
        codename = await rig.SubmitAsync(browser, "Report for the signed-transfer tests.");
        bundle = Path.Combine(rig.Root, "submissions.wsbundle");
        Assert.That(rig.Portal("export", "--out", bundle), Does.Contain("exported 1 items"));
        using FileStream file = File.OpenRead(bundle);
        using BundleReader reader = BundleReader.Open(file);
        itemId = reader.Manifest.Items.Single().Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        rig.Dispose();
    }

    [Test]
    [Order(1)]
    public void Confirm_ForgedUnsignedReceiptForItemsNotYetImported_RefusedNamingTheFixAndItemsRemain()
    {
        string forged = Path.Combine(rig.Root, "forged-v1.receipt.json");
        File.WriteAllBytes(forged, new ImportReceipt { V = 1, BundleSha256 = Sha256(bundle), Items = [itemId] }.ToJson());

        var result = rig.TryPortal("confirm", forged);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StdErr, Does.Contain("unsigned (version 1) receipt; nothing was deleted").And.Contain("'whistle-review import' on that bundle again"));
        Assert.That(rig.Portal("status"), Does.Contain("submissions        1"));
    }

    [Test]
    [Order(2)]
    public void Confirm_ReceiptSignedByTheServersOwnTeamKey_RefusedNamingThatKeyAndItemsRemain()
    {
        using TeamSigningKey serverKey = TeamSigningKey.Generate();
        string forged = Path.Combine(rig.Root, "forged-foreign.receipt.json");
        var receipt = new ImportReceipt { BundleSha256 = Sha256(bundle), Items = [itemId], AuditHead = new string('0', 64) };
        File.WriteAllBytes(forged, receipt.ToSignedDocument(serverKey));

        var result = rig.TryPortal("confirm", forged);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.StdErr, Does.Contain($"not signed by this portal's team key (it is signed by team key {serverKey.PublicKey.DisplayFingerprint}); nothing was deleted"));
        Assert.That(rig.Portal("status"), Does.Contain("submissions        1"));
    }

    [Test]
    [Order(3)]
    public void Confirm_SignedReceiptFromImport_DeletesAndRecordsTheConsoleAuditHead()
    {
        string receiptPath = Path.Combine(rig.Root, "honest.receipt.json");
        Assert.That(rig.Review("import", bundle, "--receipt", receiptPath), Does.Contain("Imported 1 new items"));
        ImportReceipt receipt = ImportReceipt.OpenSigned(File.ReadAllBytes(receiptPath), TeamPublicKey.Parse(rig.TeamKeyText));

        string confirmed = rig.Portal("confirm", receiptPath);

        Assert.That(confirmed, Does.Contain("deleted 1 confirmed items"));
        Assert.That(confirmed, Does.Contain($"console audit head {receipt.AuditHead} (recorded)"));
        Assert.That(rig.Portal("status"), Does.Contain("submissions        0"));
        Assert.That(rig.Review("audit", "verify"), Does.StartWith("OK"));
    }

    [Test]
    [Order(4)]
    public void ImportReplies_UnsignedOrForeignBundleWithForgedReply_RefusedAndNothingStored()
    {
        using var keys = SourceKeys.Derive(codename);
        using TeamSigningKey serverKey = TeamSigningKey.Generate();
        string unsigned = RepliesBundle("forged-unsigned.wsbundle", keys, null);
        string foreign = RepliesBundle("forged-foreign.wsbundle", keys, serverKey);

        var refusedUnsigned = rig.TryPortal("import-replies", unsigned);
        var refusedForeign = rig.TryPortal("import-replies", foreign);

        Assert.That(refusedUnsigned.ExitCode, Is.EqualTo(1), refusedUnsigned.ToString());
        Assert.That(refusedUnsigned.StdErr, Does.Contain("is not signed with the team key (its manifest is unsigned); nothing was imported"));
        Assert.That(refusedForeign.ExitCode, Is.EqualTo(1), refusedForeign.ToString());
        Assert.That(refusedForeign.StdErr, Does.Contain($"is not signed by this portal's team key (it is signed by team key {serverKey.PublicKey.DisplayFingerprint})"));
        Assert.That(rig.Portal("status"), Does.Contain("replies            0 (0 unread)"));
    }

    [Test]
    [Order(5)]
    public async Task Mailbox_ForgedReplyPlantedInStoreAndSignedReply_JsAndNoJsShowWarningForForgedAndTextForSigned()
    {
        using var keys = SourceKeys.Derive(codename);
        string caseId = Regex.Match(rig.Review("list"), "^([0-9a-f]{8})", RegexOptions.Multiline).Groups[1].Value;
        string replyText = "Signed reply from the reviewers: " + Guid.NewGuid().ToString("N")[..8];
        rig.Review("reply", caseId, "--text", replyText);
        string replies = Path.Combine(rig.Root, "honest-replies.wsbundle");
        rig.Review("export-replies", "--out", replies);
        Assert.That(rig.Portal("import-replies", replies), Does.Contain("imported 1 replies"));
        await rig.PlantReplyAsync(keys.MailboxId, AgeEncryption.Encrypt(Encoding.UTF8.GetBytes(ForgedText), [keys.ReplyRecipient]));

        // JavaScript: the browser decrypts, verifies with the pinned team key (team.js) and checks the mailbox id.
        await using (IBrowserContext context = await browser.NewContextAsync())
        {
            IPage page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(rig.Address, "en/mailbox").ToString());
            await page.FillAsync("#codename", codename);
            await page.ClickAsync("#mailbox-form button[type=submit]");
            await page.Locator(".js-replies").WaitForAsync(new() { Timeout = 60_000 });

            Assert.That(await page.Locator(".js-replies .reply-text").AllInnerTextsAsync(), Is.EqualTo(new[] { replyText }));
            Assert.That(await page.Locator(".js-replies .reply-warning").InnerTextAsync(), Does.StartWith("Warning: this reply is not signed by the reviewers"));
            Assert.That(await page.Locator("main").InnerTextAsync(), Does.Not.Contain("FORGED"));
        }

        // No JavaScript: the server decrypts with the codename's reply key and applies the same check.
        await using (IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }))
        {
            IPage page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(rig.Address, "es/mailbox").ToString());
            await page.FillAsync("#codename", codename);
            await Task.Delay(1100);
            await page.ClickAsync("main form button[type=submit]");

            Assert.That(await page.Locator(".reply-text").AllInnerTextsAsync(), Is.EqualTo(new[] { replyText }));
            Assert.That(await page.Locator(".reply-warning").InnerTextAsync(), Does.StartWith("Advertencia: esta respuesta no está firmada por los revisores"));
            Assert.That(await page.Locator("main").InnerTextAsync(), Does.Not.Contain("FORGED"));
        }
    }

    private string RepliesBundle(string name, SourceKeys keys, TeamSigningKey? signer)
    {
        byte[] forged = AgeEncryption.Encrypt(Encoding.UTF8.GetBytes(ForgedText), [keys.ReplyRecipient]);
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(DateTime.UtcNow), signer);
        writer.Add(BundleItem.NewId(), keys.MailboxId, BundleItemKind.Reply, forged.Length, () => new MemoryStream(forged));
        string path = Path.Combine(rig.Root, name);
        using FileStream file = File.Create(path);
        writer.WriteTo(file);
        return path;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
}
