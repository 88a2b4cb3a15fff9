using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Cases;

[TestFixture]
public sealed class FilesCommandTests
{
    [Test]
    public void Files_Export_WritesOwnerOnlyFilesWithSafeNamesTypesAndHashes()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        string item = Templates.Scenario.Entries[0].Id;
        string dir = vault.Directory.File("out");

        CliResult result = vault.Run("files", id, "--export", dir);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        string png = Path.Combine(dir, $"{item}-001-notes.txt.bin");
        string pdf = Path.Combine(dir, $"{item}-002-statement.pdf");
        Assert.That(Directory.GetFileSystemEntries(dir), Is.EquivalentTo(new[] { png, pdf }),
            "the traversal name stayed inside the folder; the PNG called notes.txt got .bin");
        Assert.That(File.ReadAllBytes(png), Is.EqualTo(ImportedScenario.PngBytes));
        Assert.That(File.ReadAllBytes(pdf), Is.EqualTo(ImportedScenario.PdfBytes));
        Assert.That(FileModes.Of(png), Is.EqualTo(FileModes.OwnerOnly));
        Assert.That(result.StdoutText, Does.Contain($"{png}  PNG image  16 bytes  SHA-256 {Fixtures.Sha256(ImportedScenario.PngBytes)}\n"));
        Assert.That(result.StdoutText, Does.Contain($"Exported 2 attachments of case {id}."));
        Assert.That(vault.Succeed("show", id).StdoutText, Does.Contain(": files.export 2 attachments exported"));
    }

    [Test]
    public void Files_ExistingFile_RefusesUnlessForced()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        string dir = vault.Directory.File("out");
        Directory.CreateDirectory(dir);
        string existing = Path.Combine(dir, $"{Templates.Scenario.Entries[0].Id}-002-statement.pdf");
        File.WriteAllText(existing, "mine");

        CliResult refused = vault.Run("files", id, "--export", dir);
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Stderr, Does.StartWith($"whistle-review: error: \"{existing}\" already exists"));
        Assert.That(Directory.GetFileSystemEntries(dir), Has.Length.EqualTo(1));
        Assert.That(File.ReadAllText(existing), Is.EqualTo("mine"));

        CliResult forced = vault.Run("files", id, "--export", dir, "--force");
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
        Assert.That(File.ReadAllBytes(existing), Is.EqualTo(ImportedScenario.PdfBytes));
    }

    [Test]
    public void Files_CaseWithoutAttachments_SaysSo()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("files", CaseLookup.CaseC(vault), "--export", vault.Directory.File("out"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("has no attachments"));
        Assert.That(Directory.Exists(vault.Directory.File("out")), Is.False);
    }

    [Test]
    public void Files_EvidenceFileModified_ExportsNothingAndReportsDamage()
    {
        using TestVault vault = TestVault.Imported();
        string id = CaseLookup.CaseA(vault);
        string evidence = Path.Combine(vault.Root, "evidence", Templates.Scenario.Entries[0].Id + ".age");
        byte[] bytes = File.ReadAllBytes(evidence);
        bytes[^30] ^= 1;
        File.WriteAllBytes(evidence, bytes);
        string dir = vault.Directory.File("out");

        CliResult result = vault.Run("files", id, "--export", dir);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.StartWith($"whistle-review: error: the evidence file of item {Templates.Scenario.Entries[0].Id[..8]} is missing, damaged"));
        Assert.That(Directory.GetFileSystemEntries(dir), Is.Empty, "no plaintext, not even a temporary file");
    }
}
