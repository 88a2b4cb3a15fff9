using System.Security.Cryptography;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Admin;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Tests.Features.Upload;

namespace WhistleSubmit.Portal.Tests.Admin;

/// <summary>The admin verbs through the real executable, with the server stopped and with it running.</summary>
public class AdminCliTests
{
    private string data = null!;

    [SetUp]
    public void SetUp() => data = Directory.CreateTempSubdirectory("whistle-admin-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(data, recursive: true);

    [Test]
    public async Task Recipients_AddOrRemove_RefusedExplainingTheSignedFlow()
    {
        string pq = TestKeys.NewRecipient();

        var add = await PortalProcess.RunVerbAsync(data, "recipients", "add", pq, "--name", "Ana");
        var remove = await PortalProcess.RunVerbAsync(data, "recipients", "remove", pq);

        foreach (var result in new[] { add, remove })
        {
            Assert.That(result.ExitCode, Is.EqualTo(1));
            Assert.That(result.Stderr, Does.StartWith("whistle-portal: error: the reviewers' keys are a recipient set signed offline"));
            Assert.That(result.Stderr, Does.Contain("team publish").And.Contain("recipients install"));
        }

        Assert.That(Directory.EnumerateFiles(data, "recipients*"), Is.Empty);
    }

    [Test]
    public async Task Recipients_Install_VerifiesThenReplacesShowingOldAndNewFingerprints()
    {
        using var team = new TestTeam();
        string a = TestKeys.NewRecipient(), b = TestKeys.NewRecipient();
        team.Configure(data, a);
        string next = Path.Combine(Directory.CreateTempSubdirectory("whistle-publish-").FullName, "recipients.signed.json");
        File.WriteAllBytes(next, team.SignRecipients(a, b));

        var install = await PortalProcess.RunVerbAsync(data, "recipients", "install", next);
        var list = await PortalProcess.RunVerbAsync(data, "recipients", "list");

        Assert.That(install.ExitCode, Is.Zero, install.Stderr);
        Assert.That(install.Stdout, Does.Contain($"old (issued").And.Contain($"new: {RecipientFingerprint.Compute(a)}, {RecipientFingerprint.Compute(b)}"));
        Assert.That(install.Stdout, Does.Contain(team.PublicKey.DisplayFingerprint).And.Contain("restart the portal"));
        Assert.That(File.ReadAllBytes(Path.Combine(data, "recipients.signed.json")), Is.EqualTo(File.ReadAllBytes(next)));
        Assert.That(list.Stdout, Does.Contain(RecipientFingerprint.Compute(b)).And.Contain("verified"));
        Directory.Delete(Path.GetDirectoryName(next)!, recursive: true);
    }

    [Test]
    public async Task Recipients_InstallTamperedOrForeignSet_RefusedAndNothingChanges()
    {
        using var team = new TestTeam();
        using var other = new TestTeam();
        string a = TestKeys.NewRecipient();
        team.Configure(data, a);
        byte[] before = File.ReadAllBytes(Path.Combine(data, "recipients.signed.json"));
        string dir = Directory.CreateTempSubdirectory("whistle-publish-").FullName;
        string tampered = Path.Combine(dir, "tampered.json"), foreign = Path.Combine(dir, "foreign.json");
        File.WriteAllBytes(tampered, TestTeam.WithExtraRecipient(before, TestKeys.NewRecipient()));
        File.WriteAllBytes(foreign, other.SignRecipients(a, TestKeys.NewRecipient()));

        var first = await PortalProcess.RunVerbAsync(data, "recipients", "install", tampered);
        var second = await PortalProcess.RunVerbAsync(data, "recipients", "install", foreign);

        Assert.That(first.ExitCode, Is.EqualTo(1));
        Assert.That(first.Stderr, Does.Contain("does not verify"));
        Assert.That(second.ExitCode, Is.EqualTo(1));
        Assert.That(second.Stderr, Does.Contain("another team key").And.Contain(other.PublicKey.Fingerprint));
        Assert.That(File.ReadAllBytes(Path.Combine(data, "recipients.signed.json")), Is.EqualTo(before));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task Recipients_InstallOlderSet_RefusedAsARollback()
    {
        using var team = new TestTeam();
        string a = TestKeys.NewRecipient(), removed = TestKeys.NewRecipient();
        team.Configure(data, a);
        byte[] before = File.ReadAllBytes(Path.Combine(data, "recipients.signed.json"));
        string dir = Directory.CreateTempSubdirectory("whistle-publish-").FullName;
        string old = Path.Combine(dir, "old.json");
        File.WriteAllBytes(old, RecipientSet.Create([a, removed], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30)).Sign(team.Key));

        var install = await PortalProcess.RunVerbAsync(data, "recipients", "install", old);

        Assert.That(install.ExitCode, Is.EqualTo(1));
        Assert.That(install.Stderr, Does.Contain("before the installed set").And.Contain("team publish"));
        Assert.That(File.ReadAllBytes(Path.Combine(data, "recipients.signed.json")), Is.EqualTo(before));
        Directory.Delete(dir, recursive: true);
    }

    [Test]
    public async Task ExportImportConfirm_ServerRunningThenStopped_OneWriterAndIdempotent()
    {
        // Running: uploads over HTTP, then the verbs go through admin.sock (the store lock is the server's).
        byte[] ciphertext;
        string receipt;
        string token = UploadApi.NewToken();
        string bundle = Path.Combine(data, "out.wsbundle");
        using (var server = await PortalProcess.StartServerAsync(data))
        {
            using var client = new HttpClient { BaseAddress = server.Address };
            var api = new UploadApi(client);
            ciphertext = await api.EncryptAsync(5000);
            receipt = await api.UploadAsync(ciphertext, "submission", token);

            var status = await PortalProcess.RunVerbAsync(data, "status");
            var export = await PortalProcess.RunVerbAsync(data, "export", "--out", bundle);

            bool ownerOnly = OperatingSystem.IsWindows()
                || File.GetUnixFileMode(Path.Combine(data, AdminSocketServer.FileName)) == (UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.That(ownerOnly, Is.True, "admin.sock is 0600");
            Assert.That(status.Stdout, Does.Contain("not yet exported   1").And.Contain("done by the running portal"));
            Assert.That(export.ExitCode, Is.Zero, export.Stderr);
            Assert.That(export.Stdout, Does.Contain("exported 1 items").And.Contain("done by the running portal"));
            Assert.That(export.Stdout, Does.Contain($"({new FileInfo(bundle).Length} bytes;"), "the byte count is the bundle file's size");
        }

        // Stopped (killed: the socket file stays behind): the verb takes the lock itself.
        string bundleSha;
        using (var file = File.OpenRead(bundle))
        using (var reader = BundleReader.Open(file, leaveOpen: true))
        {
            var item = reader.Manifest.Items.Single();
            Assert.That(item.Id, Is.EqualTo(receipt));
            using var stored = reader.OpenItem(item.Id);
            var copy = new MemoryStream();
            stored.CopyTo(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(ciphertext));
            file.Position = 0;
            bundleSha = Convert.ToHexStringLower(SHA256.HashData(file));
        }

        var again = await PortalProcess.RunVerbAsync(data, "export", "--out", Path.Combine(data, "again.wsbundle"));
        Assert.That(again.Stdout, Does.Contain("nothing to export").And.Not.Contain("running portal"));

        string replies = Path.Combine(data, "replies.wsbundle");
        WriteRepliesBundle(replies, WhistleSubmit.Crypto.Codenames.SourceKeys.MailboxIdFromToken(Convert.FromHexString(token)));
        string unsignedReplies = Path.Combine(data, "unsigned.wsbundle");
        WriteRepliesBundle(unsignedReplies, WhistleSubmit.Crypto.Codenames.SourceKeys.MailboxIdFromToken(Convert.FromHexString(token)), signed: false);
        var importUnsigned = await PortalProcess.RunVerbAsync(data, "import-replies", unsignedReplies);
        Assert.That(importUnsigned.ExitCode, Is.EqualTo(1));
        Assert.That(importUnsigned.Stderr, Does.Contain("is not signed with the team key (its manifest is unsigned); nothing was imported"));
        var import1 = await PortalProcess.RunVerbAsync(data, "import-replies", replies);
        var import2 = await PortalProcess.RunVerbAsync(data, "import-replies", replies);
        Assert.That(import1.Stdout, Does.Contain("imported 1 replies, 0 already present"));
        Assert.That(import2.Stdout, Does.Contain("imported 0 replies, 1 already present"));

        string head = new('a', 64);
        using TeamSigningKey team = TeamKey();
        using TeamSigningKey other = TeamSigningKey.Generate();
        string receiptFile = Path.Combine(data, "receipt.json");
        File.WriteAllBytes(receiptFile, new ImportReceipt { BundleSha256 = bundleSha, Items = [receipt], AuditHead = head }.ToSignedDocument(team));
        var wrong = Path.Combine(data, "wrong.json");
        File.WriteAllBytes(wrong, new ImportReceipt { BundleSha256 = new string('0', 64), Items = [receipt], AuditHead = head }.ToSignedDocument(team));
        var unsigned = Path.Combine(data, "unsigned.json");
        File.WriteAllBytes(unsigned, new ImportReceipt { V = 1, BundleSha256 = bundleSha, Items = [receipt] }.ToJson());
        var foreign = Path.Combine(data, "foreign.json");
        File.WriteAllBytes(foreign, new ImportReceipt { BundleSha256 = bundleSha, Items = [receipt], AuditHead = head }.ToSignedDocument(other));
        var refused = await PortalProcess.RunVerbAsync(data, "confirm", wrong);
        var refusedUnsigned = await PortalProcess.RunVerbAsync(data, "confirm", unsigned);
        var refusedForeign = await PortalProcess.RunVerbAsync(data, "confirm", foreign);
        var status1 = await PortalProcess.RunVerbAsync(data, "status");
        var confirm = await PortalProcess.RunVerbAsync(data, "confirm", receiptFile);
        var status2 = await PortalProcess.RunVerbAsync(data, "status");
        var confirmAgain = await PortalProcess.RunVerbAsync(data, "confirm", receiptFile);

        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refusedUnsigned.ExitCode, Is.EqualTo(1));
        Assert.That(refusedUnsigned.Stderr, Does.Contain("unsigned (version 1) receipt; nothing was deleted").And.Contain("run 'whistle-review import' on that bundle again"));
        Assert.That(refusedForeign.ExitCode, Is.EqualTo(1));
        Assert.That(refusedForeign.Stderr, Does.Contain($"not signed by this portal's team key (it is signed by team key {other.PublicKey.DisplayFingerprint})"));
        Assert.That(status1.Stdout, Does.Contain("submissions        1"), "refused receipts deleted nothing");
        Assert.That(confirm.Stdout, Does.Contain("deleted 1 confirmed items (0 already gone); store compacted"));
        Assert.That(confirm.Stdout, Does.Contain($"console audit head {head} (recorded)"));
        Assert.That(status2.Stdout, Does.Contain("submissions        0").And.Contain("replies            1 (1 unread)"));
        Assert.That(confirmAgain.ExitCode, Is.Zero, confirmAgain.Stderr);
        Assert.That(confirmAgain.Stdout, Does.Contain($"bundle {bundleSha} was already confirmed"));
    }

    [Test]
    public async Task Server_WhileVerbHoldsLock_RefusesToStart()
    {
        await PortalProcess.RunVerbAsync(data, "status");
        using var holder = new StoreFixtureHolder(data);

        var ex = Assert.ThrowsAsync<InvalidOperationException>(() => PortalProcess.StartServerAsync(data));

        Assert.That(ex, Is.Not.Null);
    }

    // The demo team key the portal (server or verb) created in its data directory: what the console would sign with.
    private TeamSigningKey TeamKey() => DemoTeamKey.LoadOrCreate(Path.Combine(data, "demo-team-key.txt"), TimeProvider.System);

    private void WriteRepliesBundle(string path, string mailboxId, bool signed = true)
    {
        byte[] reply = AgeEncryption.Encrypt("a reply"u8, [AgeKeys.ParseRecipient(TestKeys.NewRecipient())]);
        using TeamSigningKey team = TeamKey();
        var writer = new BundleWriter(BundleKind.Replies, DateOnly.FromDateTime(DateTime.UtcNow), signed ? team : null);
        writer.Add(BundleItem.NewId(), mailboxId, BundleItemKind.Reply, reply.Length, () => new MemoryStream(reply));
        using var file = File.Create(path);
        writer.WriteTo(file);
    }

    // Holds the store open in this process, as a second writer would.
    private sealed class StoreFixtureHolder(string data) : IDisposable
    {
        private readonly Store.StoreFixture fixture = new(data);

        public void Dispose() => fixture.Dispose();
    }
}
