using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.EndToEnd.Tests.Support;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13, attack 3 (property P5), against the real whistle-portal and whistle-review executables and Chromium: the
/// reviewers publish a signed recipient set with the console; a compromised portal then answers /api/config with a
/// set that has an extra recipient of its own (payload edited, signature left), or with a set it signed with a team
/// key of its own. The source's browser (JavaScript on) refuses to encrypt, says so, and uploads nothing. The
/// tampering is done on the wire (Playwright's route, which also sees the worker's requests), as the server would.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RecipientSetTests
{
    private const string Passphrase = "hostile portal passphrase for the vault";

    private string root = null!;
    private string portal = null!;
    private PortalServer server = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;
    private Dictionary<string, string> portalEnv = null!;

    [OneTimeSetUp]
    public async Task StartHonestSetup()
    {
        root = Directory.CreateTempSubdirectory("whistle-hostile-").FullName;
        string vault = Path.Combine(root, "vault");
        string passphraseFile = Path.Combine(root, "passphrase");
        await File.WriteAllTextAsync(passphraseFile, Passphrase + "\n");
        var reviewEnv = new Dictionary<string, string> { ["WHISTLE_REVIEW_PASSPHRASE_FILE"] = passphraseFile };
        string Review(params string[] args) => Executables.Succeed("whistle-review.dll", ["--data", vault, "--as", "ana", .. args], reviewEnv);
        Review("init", "--kdf-memory", "19");
        Review("keygen", "--name", "ana");
        Review("team", "keygen");
        portal = Path.Combine(root, "portal");
        portalEnv = Executables.ProductionPortalEnvironment();
        Executables.KeyCeremony(Review, Portal, root, portal);
        server = await Executables.StartPortalAsync(["--production", "true", "--data", portal, "--port", "0", "--transfer-port", "0"], portalEnv);
        (playwright, browser) = await Chromium.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        server.Dispose();
        Directory.Delete(root, recursive: true);
    }

    private string Portal(params string[] args) => Executables.Succeed("whistle-portal.dll", [.. args, "--data", portal], portalEnv);

    [Test]
    public async Task Submit_ServedSetHasAnExtraRecipientSignatureLeft_BrowserRefusesAndUploadsNothing()
    {
        string attacker = NewRecipient();

        var outcome = await SubmitAsync("en", envelope => TestTeam.WithExtraRecipient(envelope, attacker));

        Assert.That(outcome.Error, Does.Contain("Nothing was sent").And.Contain("did not sign"));
        Assert.That(outcome.UploadRequests, Is.Zero, "no upload request left the browser");
        Assert.That(outcome.ConfigServedTampered, Is.True, "the attack was carried out");
    }

    [Test]
    public async Task Submit_ServedSetSignedByAnotherTeamKey_BrowserRefusesInSpanishAndUploadsNothing()
    {
        using var attackerTeam = new TestTeam();
        string attacker = NewRecipient();

        var outcome = await SubmitAsync("es", envelope =>
        {
            // The portal's own team key, signing the reviewers' recipients plus its own.
            string[] honest = [.. Recipients(envelope)];
            return attackerTeam.SignRecipients([.. honest, attacker]);
        });

        Assert.That(outcome.Error, Does.Contain("No se envió nada"));
        Assert.That(outcome.UploadRequests, Is.Zero, "no upload request left the browser");
        Assert.That(outcome.ConfigServedTampered, Is.True, "the attack was carried out");
    }

    [Test]
    public async Task Submit_HonestPortal_SubmitsThroughTheSameRoute()
    {
        var outcome = await SubmitAsync("en", tamper: null);

        Assert.That(outcome.Error, Is.Null);
        Assert.That(outcome.UploadRequests, Is.GreaterThan(0));
    }

    private sealed record Outcome(string? Error, int UploadRequests, bool ConfigServedTampered);

    /// <summary>Submits a report through the JavaScript path while /api/config is answered through <paramref name="tamper"/>.</summary>
    private async Task<Outcome> SubmitAsync(string language, Func<byte[], byte[]>? tamper)
    {
        await using IBrowserContext context = await browser.NewContextAsync();
        int uploads = 0;
        bool tampered = false;
        await context.RouteAsync("**/api/uploads**", async route =>
        {
            Interlocked.Increment(ref uploads);
            await route.ContinueAsync();
        });
        await context.RouteAsync("**/api/config", async route =>
        {
            IAPIResponse real = await route.FetchAsync();
            var config = JsonNode.Parse(await real.BodyAsync())!.AsObject();
            if (tamper is not null)
            {
                byte[] envelope = Encoding.UTF8.GetBytes(config["recipientSet"]!.GetValue<string>());
                config["recipientSet"] = Encoding.UTF8.GetString(tamper(envelope));
                tampered = true;
            }

            await route.FulfillAsync(new() { Response = real, Body = config.ToJsonString() });
        });

        IPage page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Address, $"{language}/submit").ToString());
        Assert.That(await page.GetAttributeAsync("#encryption-path", "data-path"), Is.EqualTo("browser"), "the JavaScript path");
        await page.CheckAsync("input[name='categories'][value='unlawful-force']");
        await page.FillAsync("input[name='where.state']", "tx");
        await page.FillAsync("textarea[name='description']", "What happened: " + Guid.NewGuid().ToString("N"));
        await page.ClickAsync("#report-form button[type=submit]");
        ILocator done = page.Locator(".js-submitted, .js-error");
        await done.First.WaitForAsync(new() { Timeout = 120_000 });
        string? error = await page.Locator(".js-error").CountAsync() > 0 ? await page.Locator(".js-error").InnerTextAsync() : null;
        return new Outcome(error, uploads, tampered);
    }

    private static IEnumerable<string> Recipients(byte[] envelope)
    {
        var document = JsonNode.Parse(envelope)!.AsObject();
        byte[] payload = System.Buffers.Text.Base64Url.DecodeFromChars(document["payload"]!.GetValue<string>());
        return JsonNode.Parse(payload)!["recipients"]!.AsArray().Select(r => r!.GetValue<string>());
    }

    private static string NewRecipient()
    {
        using var identity = MlKem768X25519Identity.Generate();
        return identity.Recipient.ToString();
    }
}
