using System.Text;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Age;

[TestFixture]
public sealed class EncryptCommandTests
{
    private static readonly byte[] Report = Encoding.UTF8.GetBytes("Invoice 4711 was paid twice.\n");
    private TempDirectory dir = null!;

    [SetUp]
    public void SetUp() => dir = new TempDirectory();

    [TearDown]
    public void TearDown() => dir.Dispose();

    [TestCase(false, Description = "X25519")]
    [TestCase(true, Description = "ML-KEM-768 + X25519")]
    public void Encrypt_RecipientFlag_DecryptsWithIdentityFile(bool pq)
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt", pq);
        string input = dir.Write("report.txt", Report);

        CliResult encrypted = WhistleReview.Run(dir.Path, "age", "encrypt", "-r", key.PublicKey, "-o", dir.File("report.age"), input);
        CliResult decrypted = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", dir.File("out.txt"), dir.File("report.age"));

        Assert.That(encrypted.ExitCode, Is.Zero, encrypted.ToString());
        Assert.That(encrypted.Stdout, Is.Empty);
        Assert.That(File.ReadAllBytes(dir.File("report.age")), Is.Not.EqualTo(Report));
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
        Assert.That(File.ReadAllBytes(dir.File("out.txt")), Is.EqualTo(Report));
    }

    [Test]
    public void Encrypt_RecipientsFile_EveryListedKeyCanDecrypt()
    {
        KeyPair alice = KeyPair.Generate(dir, "alice.txt");
        KeyPair bob = KeyPair.Generate(dir, "bob.txt");
        string recipients = dir.Write("team.txt", $"# legal team\n{alice.PublicKey}\n\n# external counsel\n{bob.PublicKey}\n");
        string input = dir.Write("report.txt", Report);

        CliResult encrypted = WhistleReview.Run(dir.Path, "age", "encrypt", "-R", recipients, "-o", dir.File("report.age"), input);

        Assert.That(encrypted.ExitCode, Is.Zero, encrypted.ToString());
        foreach (KeyPair key in new[] { alice, bob })
        {
            CliResult decrypted = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, dir.File("report.age"));
            Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
            Assert.That(decrypted.Stdout, Is.EqualTo(Report));
        }
    }

    [Test]
    public void Encrypt_RecipientFlagAndFileTogether_AllCanDecrypt()
    {
        KeyPair alice = KeyPair.Generate(dir, "alice.txt");
        KeyPair bob = KeyPair.Generate(dir, "bob.txt");
        string recipients = dir.Write("team.txt", bob.PublicKey + "\n");

        CliResult encrypted = WhistleReview.Run(dir.Path, ["age", "encrypt", "-r", alice.PublicKey, "-R", recipients], Report);
        string ciphertext = dir.Write("report.age", encrypted.Stdout);

        Assert.That(encrypted.ExitCode, Is.Zero, encrypted.ToString());
        Assert.That(WhistleReview.Run(dir.Path, "age", "decrypt", "-i", alice.IdentityFile, ciphertext).Stdout, Is.EqualTo(Report));
        Assert.That(WhistleReview.Run(dir.Path, "age", "decrypt", "-i", bob.IdentityFile, ciphertext).Stdout, Is.EqualTo(Report));
    }

    [Test]
    public void Encrypt_StdinToStdout_PipesRoundTrip()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        byte[] binary = new byte[200_000]; // several 64 KiB chunks, arbitrary bytes
        new Random(7).NextBytes(binary);

        CliResult encrypted = WhistleReview.Run(dir.Path, ["age", "encrypt", "-r", key.PublicKey], binary);
        CliResult decrypted = WhistleReview.Run(dir.Path, ["age", "decrypt", "-i", key.IdentityFile], encrypted.Stdout);

        Assert.That(encrypted.ExitCode, Is.Zero, encrypted.ToString());
        Assert.That(encrypted.Stdout.AsSpan().StartsWith("age-encryption.org/v1\n"u8), Is.True);
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
        Assert.That(decrypted.Stdout, Is.EqualTo(binary));
    }

    [Test]
    public void Encrypt_Armor_WritesPemTextThatDecrypts()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");

        CliResult encrypted = WhistleReview.Run(dir.Path, ["age", "encrypt", "-a", "-r", key.PublicKey], Report);
        CliResult decrypted = WhistleReview.Run(dir.Path, ["age", "decrypt", "-i", key.IdentityFile], encrypted.Stdout);

        Assert.That(encrypted.ExitCode, Is.Zero, encrypted.ToString());
        Assert.That(encrypted.StdoutText, Does.StartWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
        Assert.That(encrypted.StdoutText, Does.EndWith("-----END AGE ENCRYPTED FILE-----\n"));
        Assert.That(decrypted.Stdout, Is.EqualTo(Report));
    }

    [Test]
    public void Encrypt_PassphraseFromFile_DecryptsWithSamePassphrase()
    {
        string passphrase = dir.Write("pass.txt", "correct horse battery staple\n");
        string input = dir.Write("report.txt", Report);

        CliResult encrypted = WhistleReview.Run(dir.Path, ["age", "encrypt", "-p", "-o", dir.File("report.age"), input], null, passphrase);
        CliResult decrypted = WhistleReview.Run(dir.Path, ["age", "decrypt", dir.File("report.age")], null, passphrase);

        Assert.That(encrypted.ExitCode, Is.Zero, encrypted.ToString());
        Assert.That(File.ReadAllText(dir.File("report.age")), Does.Contain("-> scrypt "));
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
        Assert.That(decrypted.Stdout, Is.EqualTo(Report));
    }

    [Test]
    public void Encrypt_PassphraseWithoutTerminalOrFile_FailsWithHint()
    {
        string input = dir.Write("report.txt", Report);

        CliResult result = WhistleReview.Run(dir.Path, "age", "encrypt", "-p", "-o", dir.File("report.age"), input);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: a passphrase is needed"));
        Assert.That(result.Stderr, Does.Contain("hint:").And.Contain("WHISTLE_REVIEW_PASSPHRASE_FILE"));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "report.txt" }));
    }

    [Test]
    public void Encrypt_PassphraseAndRecipient_Refused()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");

        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-p", "-r", key.PublicKey], Report);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: -p/--passphrase can't be combined"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Encrypt_NoRecipients_FailsWithHint()
    {
        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt"], Report);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Is.EqualTo(
            "whistle-review: error: missing recipients\n"
            + "whistle-review: hint: did you forget to specify -r/--recipient, -R/--recipients-file or -p/--passphrase?\n"));
    }

    [Test]
    public void Encrypt_MixedPostQuantumAndClassicRecipients_Refused()
    {
        KeyPair classic = KeyPair.Generate(dir, "classic.txt");
        KeyPair pq = KeyPair.Generate(dir, "pq.txt", postQuantum: true);

        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-r", classic.PublicKey, "-r", pq.PublicKey, "-o", dir.File("out.age")], Report);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: post-quantum (age1pq1…) and classic (age1…) recipients can't be mixed"));
        Assert.That(result.Stderr, Does.Contain("whistle-review: hint:"));
        Assert.That(File.Exists(dir.File("out.age")), Is.False);
    }

    [TestCase("age1notavalidkeyatall", Description = "bad Bech32")]
    [TestCase("AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGP4WPVC", Description = "a secret key where a public key belongs")]
    [TestCase("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHsKLqeplhpW+uObz5dvMgjz1OxfM/XXUB+VHtZ6isGN", Description = "unsupported key type")]
    public void Encrypt_InvalidRecipient_ErrorDoesNotEchoIt(string recipient)
    {
        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-r", recipient], Report);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: recipient #1 (given with -r) is not a valid age public key"));
        Assert.That(result.Stderr, Does.Not.Contain(recipient[6..]));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void Encrypt_RecipientsFileWithSecretKey_ErrorDoesNotEchoIt()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string secret = File.ReadAllLines(key.IdentityFile)[2];
        string recipients = dir.Write("team.txt", secret + "\n");

        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-R", recipients], Report);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith($"whistle-review: error: recipients file \"{recipients}\""));
        Assert.That(result.Stderr, Does.Not.Contain(secret["AGE-SECRET-KEY-1".Length..]));
    }

    [Test]
    public void Encrypt_MissingInputFile_FailsWithoutOutput()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");

        CliResult result = WhistleReview.Run(dir.Path, "age", "encrypt", "-r", key.PublicKey, "-o", dir.File("out.age"), dir.File("missing.txt"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: can't open input file").And.Contain("no such file"));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "key.txt" }));
    }

    [Test]
    public void Encrypt_InputReadFailsToStdout_LeavesNoDecryptableFile()
    {
        // Reading /proc/self/mem at offset 0 fails with EIO after the file opened: a read error mid-copy.
        KeyPair key = KeyPair.Generate(dir, "key.txt");

        CliResult encrypted = WhistleReview.Run(dir.Path, ["age", "encrypt", "-r", key.PublicKey, "/proc/self/mem"], []);
        CliResult decrypted = WhistleReview.Run(dir.Path, ["age", "decrypt", "-i", key.IdentityFile], encrypted.Stdout);

        Assert.That(encrypted.ExitCode, Is.EqualTo(1), encrypted.ToString());
        Assert.That(encrypted.Stderr, Does.StartWith("whistle-review: error:"));
        Assert.That(decrypted.ExitCode, Is.EqualTo(1), "a truncated input must not come out as a complete age file");
    }

    [Test]
    public void Encrypt_MissingRecipientsFile_Fails()
    {
        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-R", dir.File("missing.txt")], Report);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: can't open recipients file"));
    }

    [Test]
    public void Encrypt_FailureWithExistingOutput_LeavesItUntouched()
    {
        string output = dir.Write("out.age", "old\n");

        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-r", "age1bogus", "-o", output], Report);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllText(output), Is.EqualTo("old\n"));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "out.age" }));
    }
}
