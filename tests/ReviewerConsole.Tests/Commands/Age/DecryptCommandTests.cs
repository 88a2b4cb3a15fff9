using System.Text;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Age;

[TestFixture]
public sealed class DecryptCommandTests
{
    private static readonly byte[] Report = Encoding.UTF8.GetBytes("The safety inspection of 12 May was never done.\n");
    private TempDirectory dir = null!;

    [SetUp]
    public void SetUp() => dir = new TempDirectory();

    [TearDown]
    public void TearDown() => dir.Dispose();

    [Test]
    public void Decrypt_IdentityFileWithSeveralKeysAndComments_UsesTheMatchingKey()
    {
        KeyPair other = KeyPair.Generate(dir, "other.txt");
        KeyPair mine = KeyPair.Generate(dir, "mine.txt", postQuantum: true);
        string combined = dir.Write("keys.txt", File.ReadAllText(other.IdentityFile) + "\n# second key\n" + File.ReadAllText(mine.IdentityFile));
        string ciphertext = Encrypt(mine.PublicKey);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", combined, ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Is.EqualTo(Report));
    }

    [Test]
    public void Decrypt_RepeatedIdentityFlag_TriesEveryFile()
    {
        KeyPair other = KeyPair.Generate(dir, "other.txt");
        KeyPair mine = KeyPair.Generate(dir, "mine.txt");
        string ciphertext = Encrypt(mine.PublicKey);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", other.IdentityFile, "-i", mine.IdentityFile, ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Is.EqualTo(Report));
    }

    [Test]
    public void Decrypt_OutputFile_IsOwnerOnlyAndNoTemporaryFileRemains()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = Encrypt(key.PublicKey);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", dir.File("report.txt"), ciphertext);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllBytes(dir.File("report.txt")), Is.EqualTo(Report));
        Assert.That(FileModes.Of(dir.File("report.txt")), Is.EqualTo(FileModes.OwnerOnly));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "key.txt", "report.age", "report.txt" }));
    }

    [Test]
    public void Decrypt_WrongIdentity_FailsAndLeavesNoOutputFile()
    {
        KeyPair intended = KeyPair.Generate(dir, "intended.txt");
        KeyPair wrong = KeyPair.Generate(dir, "wrong.txt");
        string ciphertext = Encrypt(intended.PublicKey);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", wrong.IdentityFile, "-o", dir.File("report.txt"), ciphertext);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: no identity matched"));
        Assert.That(result.Stderr, Does.Contain("whistle-review: hint:"));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "intended.txt", "wrong.txt", "report.age" }));
    }

    [Test]
    public void Decrypt_TamperedPayload_FailsAndLeavesNoOutputFile()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = Encrypt(key.PublicKey);
        byte[] bytes = File.ReadAllBytes(ciphertext);
        bytes[^1] ^= 0x01; // inside the last chunk's Poly1305 tag
        File.WriteAllBytes(ciphertext, bytes);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", dir.File("report.txt"), ciphertext);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the file's contents failed authentication"));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "key.txt", "report.age" }));
    }

    [Test]
    public void Decrypt_NotAnAgeFile_FailsWithHeaderError()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string notAge = dir.Write("notes.txt", "just some text\n");

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, notAge);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: "));
        Assert.That(result.Stderr, Does.Not.Contain("just some text"));
    }

    [Test]
    public void Decrypt_PassphraseFileButKeyEncrypted_HintsAtIdentity()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = Encrypt(key.PublicKey);
        string passphrase = dir.Write("pass.txt", "irrelevant\n");

        CliResult result = WhistleReview.Run(dir.Path, ["age", "decrypt", ciphertext], null, passphrase);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("hint: did you forget to specify -i/--identity?"));
    }

    [Test]
    public void Decrypt_WrongPassphrase_FailsWithIncorrectPassphrase()
    {
        string ciphertext = EncryptWithPassphrase("right one");
        string wrong = dir.Write("wrong.txt", "wrong one\n");

        CliResult result = WhistleReview.Run(dir.Path, ["age", "decrypt", "-o", dir.File("report.txt"), ciphertext], null, wrong);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Is.EqualTo("whistle-review: error: incorrect passphrase\n"));
        Assert.That(File.Exists(dir.File("report.txt")), Is.False);
    }

    [Test]
    public void Decrypt_PassphraseFileGivenWithIdentity_HintsToOmitIdentity()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = EncryptWithPassphrase("a passphrase");

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, ciphertext);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the file is protected with a passphrase"));
        Assert.That(result.Stderr, Does.Contain("without -i/--identity"));
    }

    [TestCase(false, Description = "binary age file")]
    [TestCase(true, Description = "ASCII-armored age file")]
    public void Decrypt_PassphraseProtectedIdentityFile_DecryptsItInMemory(bool armor)
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = Encrypt(key.PublicKey);
        string passphrase = dir.Write("pass.txt", "identity passphrase\n");
        CliResult wrapped = WhistleReview.Run(
            dir.Path, armor ? ["age", "encrypt", "-p", "-a", key.IdentityFile] : ["age", "encrypt", "-p", key.IdentityFile], null, passphrase);
        string protectedKey = dir.Write("key.txt.age", wrapped.Stdout);
        File.Delete(key.IdentityFile);

        CliResult result = WhistleReview.Run(dir.Path, ["age", "decrypt", "-i", protectedKey, "-o", dir.File("report.txt"), ciphertext], null, passphrase);

        Assert.That(wrapped.ExitCode, Is.Zero, wrapped.ToString());
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllBytes(dir.File("report.txt")), Is.EqualTo(Report));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "key.txt.age", "pass.txt", "report.age", "report.txt" }), "no decrypted key on disk");
    }

    [Test]
    public void Decrypt_PassphraseProtectedIdentityFileWrongPassphrase_Fails()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = Encrypt(key.PublicKey);
        string right = dir.Write("right.txt", "right\n");
        CliResult wrapped = WhistleReview.Run(dir.Path, ["age", "encrypt", "-p", key.IdentityFile], null, right);
        string protectedKey = dir.Write("key.txt.age", wrapped.Stdout);
        string wrong = dir.Write("wrong.txt", "wrong\n");

        CliResult result = WhistleReview.Run(dir.Path, ["age", "decrypt", "-i", protectedKey, ciphertext], null, wrong);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith($"whistle-review: error: incorrect passphrase for identity file \"{protectedKey}\""));
    }

    [Test]
    public void Decrypt_MissingIdentityFile_Fails()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = Encrypt(key.PublicKey);

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", dir.File("missing.txt"), ciphertext);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: can't open identity file").And.Contain("no such file"));
    }

    [Test]
    public void Decrypt_MissingInputFile_Fails()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", key.IdentityFile, "-o", dir.File("out.txt"), dir.File("missing.age"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: can't open input file"));
        Assert.That(File.Exists(dir.File("out.txt")), Is.False);
    }

    [Test]
    public void Decrypt_IdentityFileWithInvalidKey_ErrorDoesNotEchoContents()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string ciphertext = Encrypt(key.PublicKey);
        string bogus = dir.Write("bogus.txt", "AGE-SECRET-KEY-1NOTREALLYAKEYBUTSECRETLOOKING\n");

        CliResult result = WhistleReview.Run(dir.Path, "age", "decrypt", "-i", bogus, ciphertext);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith($"whistle-review: error: identity file \"{bogus}\" is not a valid age identity file"));
        Assert.That(result.Stderr, Does.Not.Contain("NOTREALLYAKEY"));
    }

    private string Encrypt(string recipient)
    {
        string input = dir.Write("report.txt", Report);
        CliResult result = WhistleReview.Run(dir.Path, "age", "encrypt", "-r", recipient, "-o", dir.File("report.age"), input);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        File.Delete(input);
        return dir.File("report.age");
    }

    private string EncryptWithPassphrase(string passphrase)
    {
        string passFile = dir.File("encrypt-pass.txt");
        File.WriteAllText(passFile, passphrase + "\n");
        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-p", "-o", dir.File("report.age")], Report, passFile);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        File.Delete(passFile);
        return dir.File("report.age");
    }
}
