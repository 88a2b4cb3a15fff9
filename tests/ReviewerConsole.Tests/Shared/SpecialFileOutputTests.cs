using System.Text;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Shared;

/// <summary>
/// Output to a device, a FIFO or a link to one is written directly, never replaced by a regular file holding the
/// output (once, `age decrypt -o /dev/null` run as root left the plaintext in /dev/null). The device nodes are made
/// with mknod inside a temporary directory: the real /dev is never touched.
/// </summary>
[TestFixture]
public sealed class SpecialFileOutputTests
{
    private const string CharacterDevice = "character special file";
    private static readonly byte[] Report = Encoding.UTF8.GetBytes("The inspection of 12 May was never done.\n");
    private TempDirectory dir = null!;

    [SetUp]
    public void SetUp() => dir = new TempDirectory();

    [TearDown]
    public void TearDown() => dir.Dispose();

    [Test]
    public void Decrypt_OutputIsCharacterDevice_DeviceStaysADevice()
    {
        string device = NullDevice("null");
        string ciphertext = EncryptReport(out KeyPair key);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", device, ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TypeOf(device), Is.EqualTo(CharacterDevice));
        Assert.That(dir.FileNames().Where(n => n.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Decrypt_OutputIsLinkToCharacterDevice_LinkAndDeviceStay()
    {
        string device = NullDevice("null");
        string link = dir.File("stdout");
        File.CreateSymbolicLink(link, device);
        string ciphertext = EncryptReport(out KeyPair key);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", link, ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(device));
        Assert.That(TypeOf(device), Is.EqualTo(CharacterDevice));
    }

    [Test]
    public void Decrypt_OutputIsFifo_ReaderGetsPlaintextAndFifoStays()
    {
        string fifo = dir.File("pipe");
        ProcessRunner.Run("mkfifo", [fifo]).AssertSuccess("mkfifo");
        string ciphertext = EncryptReport(out KeyPair key);
        Task<byte[]> reader = Task.Run(() => File.ReadAllBytes(fifo));

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", fifo, ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(reader.Wait(TimeSpan.FromSeconds(30)), Is.True, "the reader got end of file");
        Assert.That(reader.Result, Is.EqualTo(Report));
        Assert.That(TypeOf(fifo), Is.EqualTo("fifo"));
    }

    [Test]
    public void Decrypt_OutputIsLinkToStdoutRedirectedToAFile_LinkStaysAndThePlaintextGoesThrough()
    {
        // What /dev/stdout is when the shell sends stdout to a file: a link leading to a regular file.
        string link = dir.File("stdout");
        File.CreateSymbolicLink(link, "/proc/self/fd/1");
        string ciphertext = EncryptReport(out KeyPair key);

        ProcessResult result = ProcessRunner.Run(
            "bash",
            ["-c", "exec \"$@\" > redirected.txt", "bash", WhistleReview.DotnetHost, WhistleReview.DllPath,
             "age", "decrypt", "-i", key.IdentityFile, "-o", link, ciphertext],
            workingDirectory: dir.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo("/proc/self/fd/1"));
        Assert.That(File.ReadAllBytes(dir.File("redirected.txt")), Is.EqualTo(Report));
    }

    [Test]
    public void Decrypt_OutputIsLinkToRegularFile_LinkStaysAndTheTargetGetsThePlaintext()
    {
        Directory.CreateDirectory(dir.File("mount"));
        string target = dir.Write(Path.Combine("mount", "existing.txt"), "an older, longer text that must not survive in part");
        string link = dir.File("decrypted.txt");
        File.CreateSymbolicLink(link, target);
        string ciphertext = EncryptReport(out KeyPair key);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", link, ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(Report));
    }

    [Test]
    public void Decrypt_OutputIsDanglingLink_LinkStaysAndTheTargetIsCreatedOwnerOnly()
    {
        Directory.CreateDirectory(dir.File("mount"));
        string target = dir.File(Path.Combine("mount", "report.txt"));
        string link = dir.File("decrypted.txt");
        File.CreateSymbolicLink(link, target);
        string ciphertext = EncryptReport(out KeyPair key);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", link, ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(Report));
        Assert.That(FileModes.Of(target), Is.EqualTo(FileModes.OwnerOnly));
    }

    [Test]
    public void CaseExport_OntoExistingDeviceWithoutForce_RefusedAndNothingAudited()
    {
        using TestVault vault = TestVault.Imported();
        string device = NullDevice("packet-null");
        string id = CaseLookup.CaseA(vault);

        CliResult result = vault.Run("case-export", id, "--out", device, "--approved-by", "bruno");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Stderr, Does.Contain("--force"));
        Assert.That(TypeOf(device), Is.EqualTo(CharacterDevice));
        Assert.That(vault.Succeed("show", id).StdoutText, Does.Not.Contain("case.export"));
    }

    [Test]
    public void Stats_ForceOntoCharacterDevice_DeviceStaysADevice()
    {
        using TestVault vault = TestVault.Imported();
        string device = NullDevice("stats.csv");

        CliResult result = vault.Run("stats", "--out", device, "--force");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TypeOf(device), Is.EqualTo(CharacterDevice));
    }

    [Test]
    public void CaseExport_ForceOntoCharacterDevice_DeviceStaysAndExportIsAudited()
    {
        using TestVault vault = TestVault.Imported();
        string device = NullDevice("packet-null");

        string id = CaseLookup.CaseA(vault);

        CliResult result = vault.Run("case-export", id, "--out", device, "--force", "--approved-by", "bruno");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(TypeOf(device), Is.EqualTo(CharacterDevice));
        Assert.That(vault.Succeed("show", id).StdoutText, Does.Contain("case.export"));
    }

    // A node with /dev/null's numbers (1, 3): writes to it are discarded, as the real one's are.
    private string NullDevice(string name)
    {
        if (Environment.UserName != "root")
        {
            Assert.Ignore("mknod needs root; tests/run.sh runs as root or with sudo");
        }

        string path = dir.File(name);
        ProcessRunner.Run("mknod", [path, "c", "1", "3"]).AssertSuccess("mknod");
        return path;
    }

    private static string TypeOf(string path) => ProcessRunner.Run("stat", ["-c", "%F", path]).AssertSuccess("stat").StdOut.Trim();

    private string EncryptReport(out KeyPair key)
    {
        key = KeyPair.Generate(dir, "key.txt");
        string input = dir.Write("report.txt", Report);
        CliResult result = WhistleReview.Run(dir.Path, "age", "encrypt", "-r", key.PublicKey, "-o", dir.File("report.age"), input);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return dir.File("report.age");
    }
}
