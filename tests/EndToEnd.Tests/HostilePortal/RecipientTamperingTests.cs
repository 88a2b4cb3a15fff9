using System.Text.Json;
using Microsoft.Playwright;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.EndToEnd.Tests.Support;

namespace WhistleSubmit.EndToEnd.Tests.HostilePortal;

/// <summary>
/// Issue 13 P4, attack 2, against the real portal, console and browser: a team of two reviewers; two sources submit
/// through the JavaScript path; then the compromised server re-encrypts one item before it crosses the gap (as it can
/// for anything it ever held in clear: the no-JavaScript path, or a script it tampered with) and hands over a bundle
/// consistent with its own manifest. An extra post-quantum recipient (the server's own) is imported but flagged in
/// list and show; an X25519 recipient (a downgrade to classical encryption) is refused: not imported, not in the
/// receipt, and import exits 1 naming it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class RecipientTamperingTests
{
    private const string Passphrase = "hostile portal passphrase for the vault";

    private string root = null!;
    private readonly List<PortalServer> servers = [];

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("whistle-hostile-").FullName;

    [TearDown]
    public void TearDown()
    {
        servers.ForEach(server => server.Dispose());
        servers.Clear();
        Directory.Delete(root, recursive: true);
    }

    [Test]
    public async Task Import_ItemReencryptedWithAnExtraPostQuantumRecipient_IsImportedAndFlaggedInListAndShow()
    {
        Team team = await HonestSubmissionsAsync();
        using var attacker = MlKem768X25519Identity.Generate();

        string bundle = team.Tamper(r => [.. r, attacker.Recipient]);
        ProcessResult import = team.RunReview("import", bundle, "--receipt", Path.Combine(root, "receipt.json"));

        Assert.That(import.ExitCode, Is.Zero, import.StdErr);
        Assert.That(import.StdOut, Does.Contain("Imported 2 new items"));
        string tampered = CaseOf(team, team.Canaries[0]);
        string honest = CaseOf(team, team.Canaries[1]);
        string list = team.Review("list");
        Assert.That(list, Does.Contain($"⚠ encrypted to 3 recipients; the team has 2 in case {tampered}"));
        Assert.That(list, Does.Not.Contain($"case {honest}"));
        Assert.That(list.Split('\n').Single(l => l.StartsWith(tampered, StringComparison.Ordinal)), Does.Contain("⚠rcpt"));
        Assert.That(team.Review("show", tampered), Does.Contain("⚠ encrypted to 3 recipients; the team has 2"));
        Assert.That(team.Review("show", honest), Does.Contain("Recipients: 2 post-quantum, one per reviewer key")
            .And.Not.Contain("⚠"));
        using JsonDocument json = JsonDocument.Parse(team.Review("show", tampered, "--json"));
        JsonElement recorded = json.RootElement.GetProperty("items")[0].GetProperty("recipients");
        Assert.That(recorded.GetProperty("stanzaTypes").EnumerateArray().Select(t => t.GetString()),
            Is.EqualTo(Enumerable.Repeat("mlkem768x25519", 3)));
        Assert.That(recorded.GetProperty("team").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Import_ItemReencryptedWithAnX25519Recipient_IsRefusedNamedAndLeftOnThePortal()
    {
        Team team = await HonestSubmissionsAsync();
        using var attacker = X25519Identity.Generate();

        string bundle = team.Tamper(r => [.. r, new Relabelled(attacker.Recipient)]);
        string receipt = Path.Combine(root, "receipt.json");
        ProcessResult import = team.RunReview("import", bundle, "--receipt", receipt);

        Assert.That(import.ExitCode, Is.EqualTo(1), import.StdOut);
        Assert.That(import.StdErr, Does.Match($@"warning: item [12] of 2 \({team.TamperedId[..8]}\) was refused and not imported: it is encrypted to 1 X25519 recipient: classical encryption"));
        Assert.That(import.StdErr, Does.Contain("error: 1 item was refused (reasons above)").And.Contain("report those to the team"));
        Assert.That(import.StdOut, Does.Contain("Imported 1 new items"));
        Assert.That(team.Review("list", "--search", team.Canaries[0]), Does.Contain("No cases match."));
        Assert.That(team.Review("list", "--search", team.Canaries[1]), Does.Not.Contain("No cases match."));
        Assert.That(File.Exists(Path.Combine(team.Vault, "evidence", team.TamperedId + ".age")), Is.False);

        // The receipt names only the honest item: an honest portal's confirm would keep the refused one (the tampered
        // bundle's hash is the attacker's, so this portal's confirm is not the point here).
        IReadOnlyList<string> items = ImportReceipt.OpenSigned(await File.ReadAllBytesAsync(receipt), TeamKey(team)).Items;
        Assert.That(items, Has.Count.EqualTo(1).And.Not.Contain(team.TamperedId));

        Assert.That(team.RunReview("audit", "verify").ExitCode, Is.Zero);
    }

    private static TeamPublicKey TeamKey(Team team)
    {
        using JsonDocument show = JsonDocument.Parse(team.Review("team", "show", "--json"));
        return TeamPublicKey.Parse(show.RootElement.GetProperty("publicKey").GetString()!);
    }

    private static string CaseOf(Team team, string canary)
    {
        using JsonDocument list = JsonDocument.Parse(team.Review("list", "--json", "--search", canary));
        return list.RootElement.EnumerateArray().Single().GetProperty("id").GetString()!;
    }

    /// <summary>Vault with reviewers ana and bob, a production portal with both keys, two reports from two browsers, exported.</summary>
    private async Task<Team> HonestSubmissionsAsync()
    {
        var team = new Team(root);
        await File.WriteAllTextAsync(team.PassphraseFile, Passphrase + "\n");
        team.Review("init", "--kdf-memory", "19");
        team.Review("keygen", "--name", "ana");
        team.Review("keygen", "--name", "bob");
        // The portal takes both keys as a set signed with the team key (protocol v2, P5).
        team.Review("team", "keygen");
        Executables.KeyCeremony(team.Review, team.Portal, root, team.PortalData);

        PortalServer server = await Executables.StartPortalAsync(["--production", "true", "--data", team.PortalData, "--port", "0", "--transfer-port", "0"], team.PortalEnvironment);
        servers.Add(server);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                foreach (string canary in team.Canaries)
                {
                    await using IBrowserContext context = await browser.NewContextAsync();
                    IPage page = await context.NewPageAsync();
                    await page.GotoAsync(new Uri(server.Address, "en/submit").ToString());
                    await page.CheckAsync("input[name='categories'][value='unlawful-force']");
                    await page.FillAsync("input[name='where.state']", "tx");
                    await page.FillAsync("textarea[name='description']", "What happened: " + canary);
                    await page.ClickAsync("#report-form button[type=submit]");
                    await page.Locator(".js-submitted").WaitForAsync(new() { Timeout = 120_000 });
                }
            }
        }

        Assert.That(team.Portal("export", "--out", team.HonestBundle), Does.Contain("exported 2 items"));
        return team;
    }

    /// <summary>
    /// The hostile server's own encryption code: wraps to X25519 but claims the post-quantum label, so nothing on the
    /// encrypting side stops the mix (age's label rule is only a check the honest encrypter makes).
    /// </summary>
    private sealed class Relabelled(IRecipient inner) : IRecipient
    {
        public IReadOnlySet<string> Labels { get; } = new HashSet<string>(StringComparer.Ordinal) { "postquantum" };

        public IReadOnlyList<Stanza> Wrap(FileKey fileKey) => inner.Wrap(fileKey);
    }

    private sealed class Team(string root)
    {
        public string Vault { get; } = Path.Combine(root, "vault");

        public string PassphraseFile { get; } = Path.Combine(root, "passphrase");

        public string PortalData { get; } = Directory.CreateDirectory(Path.Combine(root, "portal")).FullName;

        public string HonestBundle { get; } = Path.Combine(root, "honest.wsbundle");

        public string[] Canaries { get; } = ["CANARY-TAMPERED-" + Guid.NewGuid().ToString("N")[..10], "CANARY-HONEST-" + Guid.NewGuid().ToString("N")[..10]];

        public string TamperedId { get; private set; } = "";

        public Dictionary<string, string> PortalEnvironment { get; } = Executables.ProductionPortalEnvironment();

        private Dictionary<string, string> ReviewEnvironment => new() { ["WHISTLE_REVIEW_PASSPHRASE_FILE"] = PassphraseFile };

        public string Review(params string[] args) => Executables.Succeed("whistle-review.dll", ["--data", Vault, "--as", "ana", .. args], ReviewEnvironment);

        public ProcessResult RunReview(params string[] args) => Executables.Run("whistle-review.dll", ["--data", Vault, "--as", "ana", .. args], ReviewEnvironment);

        public string Portal(params string[] args) => Executables.Succeed("whistle-portal.dll", [.. args, "--data", PortalData], PortalEnvironment);

        /// <summary>
        /// The server's move: the item holding the first canary, re-encrypted to the team's keys as <paramref name="recipients"/>
        /// changes them, in a new bundle whose manifest matches. (The test reads the plaintext with ana's key, standing
        /// in for a server that saw it in clear.)
        /// </summary>
        public string Tamper(Func<IReadOnlyList<IRecipient>, IReadOnlyList<IRecipient>> recipients)
        {
            string identityText = Review("age", "decrypt", Path.Combine(Vault, "keys", "ana.age"));
            IReadOnlyList<IIdentity> ana = AgeKeys.ParseIdentitiesFile(new StringReader(identityText));
            IReadOnlyList<IRecipient> teamKeys;
            using (JsonDocument keys = JsonDocument.Parse(Review("keys", "--json")))
            {
                teamKeys = [.. keys.RootElement.EnumerateArray().Select(k => AgeKeys.ParseRecipient(k.GetProperty("recipient").GetString()!))];
            }

            using FileStream input = File.OpenRead(HonestBundle);
            using BundleReader reader = BundleReader.Open(input);
            var writer = new BundleWriter(BundleKind.Submissions, reader.Manifest.Created);
            foreach (BundleItem item in reader.Manifest.Items)
            {
                using var copy = new MemoryStream();
                using (Stream s = reader.OpenItem(item.Id))
                {
                    s.CopyTo(copy);
                }

                byte[] ciphertext = copy.ToArray();
                byte[] plaintext = AgeEncryption.Decrypt(ciphertext, ana);
                if (System.Text.Encoding.UTF8.GetString(plaintext).Contains(Canaries[0], StringComparison.Ordinal))
                {
                    ciphertext = AgeEncryption.Encrypt(plaintext, recipients(teamKeys));
                    TamperedId = item.Id;
                }

                writer.Add(item.Id, item.MailboxId, item.Kind, ciphertext.Length, () => new MemoryStream(ciphertext));
            }

            Assert.That(TamperedId, Is.Not.Empty, "the tampered report is in the bundle");
            string path = Path.Combine(root, "tampered.wsbundle");
            using FileStream output = File.Create(path);
            writer.WriteTo(output);
            return path;
        }
    }
}
