using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.Bundles;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Cases;

/// <summary>
/// Issue 14: an export leaves all its files or none, whatever ends it (a failure, SIGINT, SIGTERM, SIGHUP; SIGKILL's
/// leftovers go on the next run), records exactly what it wrote, and names files so they cannot collide or run.
/// The signals are sent to a real whistle-review process while its temporary files are being written.
/// </summary>
[TestFixture]
public sealed class AttachmentExportServiceTests
{
    [TestCase("TERM")]
    [TestCase("INT")]
    [TestCase("HUP")]
    public void Export_SignalInTheMiddle_LeavesNothing(string signal)
    {
        // On a loaded machine the export can finish between the poll that sees its first file and the signal; such a
        // run proves nothing, so it is tried again on a fresh copy of the vault (each attempt asserts fully when the
        // signal did land in the middle).
        for (int attempt = 1; ; attempt++)
        {
            using TestVault vault = LargeAttachments.Vault();
            string dir = vault.Directory.File("out");
            string id = CaseLookup.Only(vault);

            using var export = ConsoleProcess.Start(vault, "files", id, "--export", dir);
            bool started = export.WaitUntil(() => Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any());
            Assert.That(started, Is.True, "the export never wrote a file");
            export.Signal(signal);
            CliResult result = export.WaitForExit();
            if (result.ExitCode == 0 && attempt < 8)
            {
                continue;
            }

            Assert.That(result.ExitCode, Is.Not.Zero, "the signal must arrive before the export finished, else the test proves nothing");
            Assert.That(Directory.EnumerateFileSystemEntries(dir), Is.Empty, "no temporary or renamed file survives the signal");
            Assert.That(vault.Succeed("show", id).StdoutText, Does.Not.Contain("files.export"), "nothing was exported, so nothing is recorded");
            return;
        }
    }

    [Test]
    public void Export_AfterSigkill_RemovesTheLeftoversAndSaysSo()
    {
        using TestVault vault = LargeAttachments.Vault();
        string dir = vault.Directory.File("out");
        string id = CaseLookup.Only(vault);
        using (var export = ConsoleProcess.Start(vault, "files", id, "--export", dir))
        {
            Assert.That(export.WaitUntil(() => Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any()), Is.True);
            export.Signal("KILL");
            export.WaitForExit();
        }

        string[] leftovers = Directory.GetFileSystemEntries(dir);
        Assume.That(leftovers, Is.Not.Empty, "SIGKILL arrived while a temporary file existed");
        Assert.That(leftovers.Select(Path.GetFileName), Has.All.Match(@"^\.whistle-review-export-[0-9a-f]{32}\.partial$"),
            "temporary names say nothing of the attachment");

        CliResult again = vault.Run("files", id, "--export", dir);

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stderr, Does.Contain("warning: removed " + leftovers.Length + " unfinished files that an interrupted export left"));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName), Has.All.Not.StartWith("."));
        Assert.That(Directory.GetFileSystemEntries(dir), Has.Length.EqualTo(LargeAttachments.Count));
    }

    [Test]
    public void Export_TwoItemsWhoseIdsShareEightHexDigits_WritesBothEvenWithForce()
    {
        using TestVault vault = TestVault.WithKey();
        string recipient = ImportedScenario.RecipientOf(vault);
        string mailbox = Fixtures.NewMailbox();
        byte[] first = Encoding.ASCII.GetBytes("%PDF-1.7\n% first\n%%EOF\n");
        byte[] second = Encoding.ASCII.GetBytes("%PDF-1.7\n% second\n%%EOF\n");
        using var source = MlKem768X25519Identity.Generate();
        byte[] report = Fixtures.Encrypt(Fixtures.Container(Fixtures.Report("report", source.Recipient.ToString(), ("a.pdf", first)), first), recipient);
        byte[] followup = Fixtures.Encrypt(Fixtures.Container(new Crypto.Containers.MessageV1
        {
            Text = "follow-up",
            Client = Fixtures.Client,
            Attachments = [new Crypto.Containers.AttachmentInfo { Name = "a.pdf", Size = second.Length }],
        }, second), recipient);
        string idA = "deadbeef" + BundleItem.NewId()[8..];
        string idB = "deadbeef" + BundleItem.NewId()[8..];
        vault.Succeed("import", vault.Directory.Write("b.wsbundle", Fixtures.Bundle(
            new BundleEntry(idA, mailbox, BundleItemKind.Submission, report), new BundleEntry(idB, mailbox, BundleItemKind.Followup, followup))));
        string dir = vault.Directory.File("out");

        CliResult result = vault.Run("files", CaseLookup.Only(vault), "--export", dir, "--force");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllBytes(Path.Combine(dir, $"{idA}-001-a.pdf")), Is.EqualTo(first));
        Assert.That(File.ReadAllBytes(Path.Combine(dir, $"{idB}-001-a.pdf")), Is.EqualTo(second));
    }

    [Test]
    public void Export_AuditEntry_NamesEveryFileWrittenAndTheFolder()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        string item = Templates.Scenario.Entries[0].Id;
        string dir = vault.Directory.File("out");

        vault.Succeed("files", id, "--export", dir);

        string details = VaultAudit.Entries(vault).Single(e => e.Action == "files.export").Details;
        Assert.That(details, Is.EqualTo($"2 attachments exported to {dir}: "
            + $"{item}-001-notes.txt.bin (SHA-256 {Fixtures.Sha256(ImportedScenario.PngBytes)[..16]}), "
            + $"{item}-002-statement.pdf (SHA-256 {Fixtures.Sha256(ImportedScenario.PdfBytes)[..16]})"));
    }
}
