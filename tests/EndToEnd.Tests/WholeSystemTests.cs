using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using WhistleSubmit.EndToEnd.Tests.Support;

namespace WhistleSubmit.EndToEnd.Tests;

/// <summary>
/// Issue 4's end-to-end path across the air gap, with the real executables: a reviewer vault (init, keygen) gives the
/// portal its recipient; a source submits a report with two files through the JavaScript path in Chromium; the
/// portal exports, the console imports, triages and replies, exports the replies; the portal imports them; the source's
/// browser shows the decrypted reply; the portal's confirm with the console's import receipt deletes the submission.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WholeSystemTests
{
    private const string Passphrase = "end to end passphrase for the vault";

    private string root = null!;
    private readonly List<PortalServer> servers = [];

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("whistle-e2e-").FullName;

    [TearDown]
    public void TearDown()
    {
        servers.ForEach(server => server.Dispose());

        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task SubmitExportImportReplyConfirm_RealPortalConsoleAndBrowser_ReplyReachesSourceAndPortalIsEmptied()
    {
        // The reviewer's vault and key (offline side).
        string vault = Path.Combine(root, "vault");
        string passphraseFile = Path.Combine(root, "passphrase");
        await File.WriteAllTextAsync(passphraseFile, Passphrase + "\n");
        var reviewEnv = new Dictionary<string, string> { ["WHISTLE_REVIEW_PASSPHRASE_FILE"] = passphraseFile };
        string Review(params string[] args) => Executables.Succeed("whistle-review.dll", ["--data", vault, "--as", "ana", .. args], reviewEnv);
        Review("init", "--kdf-memory", "19");
        Review("keygen", "--name", "ana");
        string recipient;
        using (JsonDocument keys = JsonDocument.Parse(Review("keys", "--json")))
        {
            recipient = keys.RootElement[0].GetProperty("recipient").GetString()!;
        }

        // The portal (online side), in production mode with that recipient only.
        string portal = Path.Combine(root, "portal");
        Directory.CreateDirectory(portal);
        var portalEnv = Executables.ProductionPortalEnvironment();
        string Portal(params string[] args) => Executables.Succeed("whistle-portal.dll", [.. args, "--data", portal], portalEnv);
        // The key ceremony (protocol v2): the console signs its reviewer keys with the team key; the portal gets
        // team.pub once and installs the signed set, which it verifies.
        Review("team", "keygen");
        var (publishedText, installedText) = Executables.KeyCeremony(Review, Portal, root, portal);
        Assert.That(publishedText, Does.Contain(WhistleSubmit.Crypto.Age.RecipientFingerprint.Compute(recipient)));
        Assert.That(installedText, Does.Contain("installed the recipient set"));
        PortalServer server = await Executables.StartPortalAsync(["--production", "true", "--data", portal, "--port", "0", "--transfer-port", "0"], portalEnv);
        servers.Add(server);
        Uri address = server.Address;
        using (var http = new HttpClient())
        {
            Assert.That(await http.GetByteArrayAsync(new Uri(address, "js/team.js")), Is.EqualTo(await File.ReadAllBytesAsync(Path.Combine(root, "published", "team.js"))),
                "the portal serves exactly the team.js whose hashes the console printed");
        }

        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                // The source submits with two files; the browser encrypts.
                await using IBrowserContext context = await browser.NewContextAsync();
                string canary = "CANARY-E2E-" + Guid.NewGuid().ToString("N")[..12];
                (string Name, byte[] Bytes)[] files =
                [
                    ("memo.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(canary + " memo line\n", 200)))),
                    ("scan.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n% " + canary + "\n%%EOF\n")),
                ];
                foreach (var (name, bytes) in files)
                {
                    await File.WriteAllBytesAsync(Path.Combine(root, name), bytes);
                }

                IPage page = await context.NewPageAsync();
                await page.GotoAsync(new Uri(address, "en/submit").ToString());
                Assert.That(await page.GetAttributeAsync("#encryption-path", "data-path"), Is.EqualTo("browser"), "the JavaScript path");
                await page.CheckAsync("input[name='categories'][value='unlawful-force']");
                await page.FillAsync("input[name='where.state']", "tx");
                await page.FillAsync("textarea[name='description']", "What happened: " + canary);
                await page.SetInputFilesAsync("#files", files.Select(f => Path.Combine(root, f.Name)));
                await page.ClickAsync("#report-form button[type=submit]");
                await page.Locator(".js-submitted").WaitForAsync(new() { Timeout = 120_000 });
                string codename = (await page.Locator(".js-submitted .codename").InnerTextAsync()).Trim();
                string receipt = (await page.Locator(".js-submitted .receipt").InnerTextAsync()).Trim();

                // Portal -> bundle -> console.
                string bundle = Path.Combine(root, "submissions.wsbundle");
                string importReceipt = Path.Combine(root, "import-receipt.json");
                Assert.That(Portal("export", "--out", bundle), Does.Contain("exported 1 items"));
                Assert.That(Review("import", bundle, "--receipt", importReceipt), Does.Contain("Imported 1 new items"));
                string id;
                using (JsonDocument list = JsonDocument.Parse(Review("list", "--json", "--search", canary)))
                {
                    id = list.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
                }

                using (JsonDocument show = JsonDocument.Parse(Review("show", id, "--json")))
                {
                    JsonElement item = show.RootElement.GetProperty("items")[0];
                    Assert.That(item.GetProperty("id").GetString(), Is.EqualTo(receipt), "the source's receipt is the item id");
                    Assert.That(item.GetProperty("document").GetProperty("description").GetString(), Is.EqualTo("What happened: " + canary));
                    Assert.That(item.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("type").GetString()),
                        Is.EqualTo(new[] { "text/plain", "application/pdf" }));
                }

                // Triage and reply; the replies go back across the gap.
                string replyText = "Thank you. A reviewer is looking into this: " + Guid.NewGuid().ToString("N")[..8];
                Review("triage", id, "--status", "investigating", "--severity", "4");
                Review("reply", id, "--text", replyText);
                string replies = Path.Combine(root, "replies.wsbundle");
                Assert.That(Review("export-replies", "--out", replies), Does.Contain("Exported 1 reply to"));
                Assert.That(Portal("import-replies", replies), Does.Contain("imported 1 replies"));

                // The source reads the reply with the codename; the browser decrypts it.
                IPage mailbox = await context.NewPageAsync();
                await mailbox.GotoAsync(new Uri(address, "en/mailbox").ToString());
                await mailbox.FillAsync("#codename", codename);
                await mailbox.ClickAsync("#mailbox-form button[type=submit]");
                await mailbox.Locator(".js-replies").WaitForAsync(new() { Timeout = 60_000 });
                Assert.That(await mailbox.Locator(".js-replies .reply-text").InnerTextAsync(), Is.EqualTo(replyText));

                // The console's receipt makes the portal delete what was imported.
                Assert.That(Portal("confirm", importReceipt), Does.Contain("deleted 1 confirmed items"));
                Assert.That(Portal("status"), Does.Contain("submissions        0"));
            }
        }

        Assert.That(Executables.Run("whistle-review.dll", ["--data", vault, "audit", "verify"], reviewEnv).ExitCode, Is.Zero);
    }
}
