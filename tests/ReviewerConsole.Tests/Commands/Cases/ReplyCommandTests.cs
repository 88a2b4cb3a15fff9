using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.Crypto.Replies;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class ReplyCommandTests
{
    private const string ReplyText = "Thank you. Can you tell us which shift this was? — ¿Qué turno era?";

    [Test]
    public void ReplyThenExport_SignedManifestAndItemDecryptsWithSourceKeyToSignedReply()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        string bundle = vault.Directory.File("replies.wsbundle");

        CliResult queued = vault.Run("reply", id, "--text", ReplyText);
        CliResult exported = vault.Run("export-replies", "--out", bundle);

        Assert.That(queued.ExitCode, Is.Zero, queued.ToString());
        Assert.That(queued.StdoutText, Does.Match($"^Case {id}: reply [0-9a-f]{{8}} queued;"));
        Assert.That(exported.ExitCode, Is.Zero, exported.ToString());
        byte[] bytes = File.ReadAllBytes(bundle);
        Assert.That(exported.StdoutText, Does.Contain($"Exported 1 reply to {bundle}\nBundle SHA-256 {Fixtures.Sha256(bytes)}\nUpload it on the portal's transfer page"));
        using BundleReader reader = BundleReader.Open(new MemoryStream(bytes));
        TeamPublicKey team = VaultAudit.TeamKey(vault);
        Assert.That(reader.Manifest.Kind, Is.EqualTo(BundleKind.Replies));
        Assert.That(reader.Manifest.V, Is.EqualTo(2));
        Assert.DoesNotThrow(() => reader.VerifyManifest(team), "the manifest is signed with the vault's team key");
        BundleItem item = reader.Manifest.Items.Single();
        Assert.That(item.MailboxId, Is.EqualTo(Templates.Scenario.MailboxA));
        using var ciphertext = new MemoryStream();
        reader.OpenItem(item.Id).CopyTo(ciphertext);
        // A version 2 reply signed with the team key, bound to source A's mailbox; the source's key opens it.
        byte[] plaintext = AgeEncryption.Decrypt(ciphertext.ToArray(), [Templates.Scenario.SourceA]);
        SignedReply reply = SignedReply.Open(plaintext, team, Templates.Scenario.MailboxA);
        Assert.That(reply.Text, Is.EqualTo(ReplyText));
        Assert.That(reply.Id, Is.EqualTo(item.Id));
        Assert.That(() => SignedReply.Open(plaintext, team, Templates.Scenario.MailboxC), Throws.TypeOf<FormatException>());
        Assert.That(Encoding.ASCII.GetString(ciphertext.ToArray()).Split('\n').Count(l => l.StartsWith("-> mlkem768x25519 ", StringComparison.Ordinal)),
            Is.EqualTo(2), "to the source and to the vault's one key");
        string show = vault.Succeed("show", id).StdoutText;
        Assert.That(show, Does.Contain("Reply ").And.Contain("(exported ").And.Contain(ReplyText));
    }

    [Test]
    public void ExportReplies_NothingQueued_SaysSoWritesNothingExitsZero()
    {
        using TestVault vault = TestVault.Imported();
        var before = vault.Snapshot();

        CliResult result = vault.Run("export-replies", "--out", vault.Directory.File("r.wsbundle"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Is.EqualTo("No replies are waiting to be exported; nothing was written.\n"));
        Assert.That(File.Exists(vault.Directory.File("r.wsbundle")), Is.False);
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void ExportReplies_SecondRun_HasNothingLeftAndExistingFileIsRefused()
    {
        using TestVault vault = TestVault.Imported();
        vault.Succeed("reply", CaseLookup.CaseB(vault), "--text", "First.");
        vault.Succeed("export-replies", "--out", vault.Directory.File("one.wsbundle"));
        vault.Succeed("reply", CaseLookup.CaseC(vault), "--text", "Second.");

        CliResult clash = vault.Run("export-replies", "--out", vault.Directory.File("one.wsbundle"));
        CliResult second = vault.Run("export-replies", "--out", vault.Directory.File("two.wsbundle"));

        Assert.That(clash.ExitCode, Is.EqualTo(1));
        Assert.That(clash.Stderr, Does.Contain("already exists"));
        Assert.That(second.StdoutText, Does.StartWith("Exported 1 reply to"), "only the reply queued after the first export");
        using BundleReader reader = BundleReader.Open(File.OpenRead(vault.Directory.File("two.wsbundle")));
        Assert.That(reader.Manifest.Items.Single().MailboxId, Is.EqualTo(Templates.Scenario.MailboxC));
        Assert.That(vault.Succeed("audit", "verify").StdoutText, Does.StartWith("OK"));
    }

    [Test]
    public void Reply_VaultWithoutTeamKey_AsksForTeamKeygenAndWritesNothing()
    {
        using TestVault vault = TestVault.Initialized();
        var before = vault.Snapshot();

        CliResult result = vault.Run("reply", "3fa2c1d0", "--text", "Hello");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault has no team key yet").And.Contain("whistle-review team keygen"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Reply_FromFile_IsQueued()
    {
        using TestVault vault = TestVault.Imported();
        string file = vault.Directory.Write("reply.txt", "Line one.\nLine two.\n");

        CliResult result = vault.Run("reply", CaseLookup.CaseB(vault), "--file", file);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [TestCase(new[] { "--text", "  " }, "the reply is empty")]
    [TestCase(new[] { "--text", "beep\u0007" }, "a reply is plain text of at most 64 KiB")]
    [TestCase(new string[0], "give the reply either with --text or with --file")]
    [TestCase(new[] { "--text", "a", "--file", "x" }, "give the reply either with --text or with --file")]
    public void Reply_InvalidInput_RefusedWithoutWriting(string[] options, string error)
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseB(vault);
        var before = vault.Snapshot();

        CliResult result = vault.Run(["reply", id, .. options]);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: " + error));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Reply_TooLongFile_Refused()
    {
        using TestVault vault = TestVault.Imported();
        string file = vault.Directory.Write("long.txt", new string('a', (64 * 1024) + 1));

        CliResult result = vault.Run("reply", CaseLookup.CaseB(vault), "--file", file);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: a reply is plain text of at most 64 KiB"));
    }

    [Test]
    public void Reply_CaseWithOnlyAFollowup_ExplainsThereIsNoReplyKey()
    {
        using TestVault vault = TestVault.Imported();
        string recipient = ImportedScenario.RecipientOf(vault);
        string bundle = vault.Directory.Write("f.wsbundle", Fixtures.Bundle(
            BundleEntry.Followup(Fixtures.NewMailbox(), Fixtures.Encrypt(Fixtures.FollowUp("Orphan follow-up ZEBRA."), recipient))));
        vault.Succeed("import", bundle);

        CliResult result = vault.Run("reply", CaseLookup.IdOf(vault, "ZEBRA"), "--text", "Hello");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("can't be answered yet"));
    }
}
