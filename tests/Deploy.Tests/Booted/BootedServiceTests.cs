using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.ProofOfWork;
using WhistleSubmit.Deploy.Tests.Portal;
using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Booted;

/// <summary>
/// The hardened unit under a real systemd: a Debian 12 tree (cached debootstrap) with the portal installed by
/// install.sh --root, booted with systemd-nspawn on a private network. Sources submit through the real listener, the
/// portal is killed with SIGKILL, the unit restarts it, and every acknowledged item is still there, exported through
/// the operator's /usr/local/sbin/whistle-portal and decrypted with the reviewer's key; journald (volatile) holds none
/// of the source's tokens or ids. One boot for the fixture (about half a minute warm).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class BootedServiceTests
{
    private const string Unit = "whistlesubmit-portal.service";
    private const int SourcePort = 5080;
    private const int Submissions = 6;
    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, byte[]> acknowledged = [];
    private readonly List<string> sourceSecrets = [];
    private BootedMachine machine = null!;
    private MlKem768X25519Identity reviewer = null!;

    [OneTimeSetUp]
    public async Task BootAndSubmit()
    {
        Run.RequireRoot();
        _ = DebianTree.Path;
        machine = BootedMachine.Install(PortalPublish.Path);
        reviewer = MlKem768X25519Identity.Generate();
        string data = machine.Combine("var", "lib", "whistlesubmit");
        using (var team = new TestTeam())
        {
            team.Configure(data, reviewer.Recipient.ToString());
        }

        var (uid, gid) = machine.User("whistlesubmit");
        foreach (string file in new[] { TestTeam.PublicKeyFileName, TestTeam.SignedRecipientsFileName })
        {
            File.SetUnixFileMode(Path.Combine(data, file), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.That(Run.Program("chown", [$"{uid}:{gid}", Path.Combine(data, file)]).ExitCode, Is.Zero);
        }

        machine.Boot(BootTimeout);
        WaitForPortal(DateTime.UtcNow + BootTimeout);

        using var http = machine.Http(SourcePort);
        for (int i = 0; i < Submissions; i++)
        {
            byte[] plaintext = RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(1000, 200_000));
            string receipt = await SubmitAsync(http, AgeEncryption.Encrypt(plaintext, [reviewer.Recipient]));
            acknowledged[receipt] = plaintext;
        }
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        machine?.Dispose();
        reviewer?.Dispose();
    }

    [Test]
    [Order(1)]
    public void Boot_PortalAndTor_ActiveUnderSystemd()
    {
        Assert.That(machine.Exec("systemctl", "is-active", Unit).StdOut.Trim(), Is.EqualTo("active"));
        Assert.That(machine.Exec("systemctl", "is-active", "tor@default.service").StdOut.Trim(), Is.EqualTo("active"), machine.Exec("systemctl", "status", "tor@default.service").ToString());
        Assert.That(machine.Exec("systemctl", "show", "-p", "User", "--value", Unit).StdOut.Trim(), Is.EqualTo("whistlesubmit"));
    }

    [Test]
    [Order(2)]
    public void Boot_SystemdAnalyzeSecurity_ExposureAtMostOnePointFive()
    {
        var result = machine.Exec("systemd-analyze", "security", "--no-pager", Unit);
        var match = Exposure().Match(result.StdOut);

        Assert.That(match.Success, Is.True, result.ToString());
        Assert.That(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Is.LessThanOrEqualTo(1.5), result.StdOut);
    }

    [Test]
    [Order(3)]
    public void AdminVerbs_ThroughTheInstalledWrapper_ReachTheRunningPortal()
    {
        var add = machine.Exec("/usr/local/sbin/whistle-portal", "reviewer", "add", "ana");
        var list = machine.Exec("/usr/local/sbin/whistle-portal", "reviewer", "list");
        var recipients = machine.Exec("/usr/local/sbin/whistle-portal", "recipients", "list");
        var status = machine.Exec("/usr/local/sbin/whistle-portal", "status");

        Assert.That(add.ExitCode, Is.Zero, add.ToString());
        Assert.That(list.StdOut, Does.Contain("ana"), list.ToString());
        Assert.That(recipients.StdOut, Does.Contain(RecipientFingerprint(reviewer.Recipient.ToString())), recipients.ToString());
        Assert.That(status.ExitCode, Is.Zero, status.ToString());
        Assert.That(status.StdOut, Does.Contain(Submissions.ToString(CultureInfo.InvariantCulture)), status.ToString());
    }

    [Test]
    [Order(4)]
    public void KillNine_UnitRestartsThePortal_EveryAcknowledgedItemExportsAndDecrypts()
    {
        string before = MainPid();
        Assert.That(machine.Exec("bash", "-c", "kill -9 \"$0\"", before).ExitCode, Is.Zero); // minbase has no kill binary: bash's builtin

        machine.WaitFor(() => MainPid() is not "0" and var now && now != before && Answers(), DateTime.UtcNow + BootTimeout,
            "the unit did not restart the portal after SIGKILL");
        Assert.That(int.Parse(machine.Exec("systemctl", "show", "-p", "NRestarts", "--value", Unit).StdOut.Trim(), CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));

        var export = machine.Exec("/usr/local/sbin/whistle-portal", "export", "--out", "/var/lib/whistlesubmit/after-kill.wsbundle");
        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        using var reader = BundleReader.Open(File.OpenRead(machine.Combine("var", "lib", "whistlesubmit", "after-kill.wsbundle")));
        Assert.That(reader.Manifest.Items.Select(i => i.Id), Is.SupersetOf(acknowledged.Keys));
        foreach (var (receipt, plaintext) in acknowledged)
        {
            using var item = reader.OpenItem(receipt);
            using var decrypted = AgeEncryption.Decrypt(item, [reviewer]);
            using var copy = new MemoryStream();
            decrypted.CopyTo(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(plaintext), receipt);
        }
    }

    [Test]
    [Order(5)]
    public void Journal_AfterSubmissionsAndKill_HoldsNoSourceDataAndStaysInMemory()
    {
        var journal = machine.Exec("journalctl", "--no-pager", "-o", "export");

        Assert.That(journal.ExitCode, Is.Zero, journal.ToString());
        Assert.That(journal.StdOut, Does.Contain("whistlesubmit-portal"), "the journal holds none of the portal's lines: the check would prove nothing");
        foreach (string secret in sourceSecrets.Concat(acknowledged.Keys))
        {
            Assert.That(journal.StdOut, Does.Not.Contain(secret));
        }

        string persistent = machine.Combine("var", "log", "journal");
        Assert.That(Directory.Exists(persistent) ? Directory.GetFiles(persistent, "*.journal", SearchOption.AllDirectories) : [], Is.Empty);
    }

    private string MainPid() => machine.Exec("systemctl", "show", "-p", "MainPID", "--value", Unit).StdOut.Trim();

    private void WaitForPortal(DateTime deadline) =>
        machine.WaitFor(Answers, deadline, "the portal did not answer /en/ on 127.0.0.1:5080 inside the container: "
            + machine.Exec("journalctl", "--no-pager", "-u", Unit).StdOut);

    private bool Answers()
    {
        try
        {
            using var http = machine.Http(SourcePort);
            http.Timeout = TimeSpan.FromSeconds(10);
            return http.GetAsync(new Uri("en/", UriKind.Relative)).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return false;
        }
    }

    // The upload protocol (docs/PORTAL.md#upload-api): challenge, create, chunks, complete.
    private async Task<string> SubmitAsync(HttpClient http, byte[] ciphertext)
    {
        const int ChunkSize = 4 * 1024 * 1024;
        var challenge = await http.GetFromJsonAsync<JsonObject>(new Uri("pow/challenge", UriKind.Relative));
        string token = challenge!["token"]!.GetValue<string>();
        string mailbox = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        using var create = await http.PostAsJsonAsync(new Uri("api/uploads", UriKind.Relative), new JsonObject
        {
            ["kind"] = "submission",
            ["mailboxToken"] = mailbox,
            ["size"] = ciphertext.Length,
            ["pow"] = new JsonObject { ["token"] = token, ["nonce"] = ProofOfWorkSolver.Solve(token) },
        });
        Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Created), await create.Content.ReadAsStringAsync());
        string upload = (await create.Content.ReadFromJsonAsync<JsonObject>())!["uploadId"]!.GetValue<string>();
        sourceSecrets.AddRange([mailbox, upload]);
        for (int i = 0; i * ChunkSize < ciphertext.Length; i++)
        {
            var content = new ReadOnlyMemoryContent(ciphertext.AsMemory(i * ChunkSize, Math.Min(ChunkSize, ciphertext.Length - (i * ChunkSize))));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var put = await http.PutAsync(new Uri($"api/uploads/{upload}/chunks/{i}", UriKind.Relative), content);
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        using var complete = await http.PostAsync(new Uri($"api/uploads/{upload}/complete", UriKind.Relative), null);
        Assert.That(complete.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await complete.Content.ReadFromJsonAsync<JsonObject>())!["receipt"]!.GetValue<string>();
    }

    private static string RecipientFingerprint(string recipient) =>
        WhistleSubmit.Crypto.Age.RecipientFingerprint.Compute(recipient);

    [GeneratedRegex(@"Overall exposure level for \S+: (\d+\.\d+)")]
    private static partial Regex Exposure();
}
