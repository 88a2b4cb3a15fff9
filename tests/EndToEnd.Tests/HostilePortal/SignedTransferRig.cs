using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Playwright;
using WhistleSubmit.EndToEnd.Tests.Support;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13 attack 4 (P3, P6) with the real executables: a reviewer vault with its key and team key, a real portal in
/// production mode whose team.pub is that team key, and one source who submitted through Chromium (the JavaScript
/// path). The compromised server's tools are the test's: it writes files, signs with keys of its own, and, holding
/// the store key as any server does, writes into its own store while the portal is stopped.
/// </summary>
internal sealed class SignedTransferRig : IDisposable
{
    private const string Passphrase = "signed transfer passphrase for the vault";

    private readonly Dictionary<string, string> reviewEnv;
    private readonly Dictionary<string, string> portalEnv;
    private readonly string vault;
    private readonly string portal;
    private PortalServer? server;

    private SignedTransferRig(string root)
    {
        Root = root;
        vault = Path.Combine(root, "vault");
        portal = Path.Combine(root, "portal");
        string passphraseFile = Path.Combine(root, "passphrase");
        File.WriteAllText(passphraseFile, Passphrase + "\n");
        reviewEnv = new Dictionary<string, string> { ["WHISTLE_REVIEW_PASSPHRASE_FILE"] = passphraseFile };
        portalEnv = Executables.ProductionPortalEnvironment();
    }

    public string Root { get; }

    public Uri Address => server!.Address;

    /// <summary>The vault's team public key text (what the portal's team.pub holds).</summary>
    public string TeamKeyText { get; private set; } = string.Empty;

    public static async Task<SignedTransferRig> StartAsync()
    {
        var rig = new SignedTransferRig(Directory.CreateTempSubdirectory("whistle-signed-").FullName);
        try
        {
            rig.Review("init", "--kdf-memory", "19");
            rig.Review("keygen", "--name", "ana");
            rig.Review("team", "keygen");
            using (JsonDocument team = JsonDocument.Parse(rig.Review("team", "show", "--json")))
            {
                rig.TeamKeyText = team.RootElement.GetProperty("publicKey").GetString()!;
            }

            // The key ceremony (protocol v2): team.pub once, then the recipient set signed with the team key.
            Executables.KeyCeremony(rig.Review, rig.Portal, rig.Root, rig.portal);
            await rig.StartPortalAsync();
            return rig;
        }
        catch
        {
            rig.Dispose();
            throw;
        }
    }

    public string Review(params string[] args) => Executables.Succeed("whistle-review.dll", ["--data", vault, "--as", "ana", .. args], reviewEnv);

    public string Portal(params string[] args) => Executables.Succeed("whistle-portal.dll", [.. args, "--data", portal], portalEnv);

    /// <summary>A portal verb that may fail: exit code, standard output and standard error.</summary>
    public ProcessResult TryPortal(params string[] args) => Executables.Run("whistle-portal.dll", [.. args, "--data", portal], portalEnv);

    /// <summary>A source submits a report through the JavaScript path in Chromium; returns the codename.</summary>
    public async Task<string> SubmitAsync(IBrowser browser, string description)
    {
        await using IBrowserContext context = await browser.NewContextAsync();
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Address, "en/submit").ToString());
        await page.CheckAsync("input[name='categories'][value='unlawful-force']");
        await page.FillAsync("textarea[name='description']", description);
        await page.ClickAsync("#report-form button[type=submit]");
        await page.Locator(".js-submitted").WaitForAsync(new() { Timeout = 120_000 });
        return (await page.Locator(".js-submitted .codename").InnerTextAsync()).Trim();
    }

    /// <summary>
    /// What a compromised server can do to its own store: stop, open the store with its key (as the admin verbs do),
    /// store a "reply" of its choosing in a mailbox, and start again.
    /// </summary>
    public async Task PlantReplyAsync(string mailboxId, byte[] ciphertext)
    {
        server!.Dispose();
        var protection = DataProtectionProvider.Create(
            new DirectoryInfo(Path.Combine(portal, "dataprotection-keys")), b => b.SetApplicationName("whistlesubmit-portal"));
        using (var store = new PortalDatabase(portal, protection, new StoreOptions(), TimeProvider.System))
        {
            Assert.That(new TransferStore(store).StoreReply(WhistleSubmit.Crypto.Bundles.BundleItem.NewId(), mailboxId, new MemoryStream(ciphertext)), Is.True);
        }

        await StartPortalAsync();
    }

    public void Dispose()
    {
        server?.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private async Task StartPortalAsync() =>
        server = await Executables.StartPortalAsync(["--production", "true", "--data", portal, "--port", "0", "--transfer-port", "0"], portalEnv);
}
