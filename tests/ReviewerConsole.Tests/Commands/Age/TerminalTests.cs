using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Age;

/// <summary>
/// Behaviour that only shows on a real terminal, driven through a pseudo-terminal (util-linux <c>script</c>).
/// Skipped (Inconclusive) where <c>script</c> is missing: a redirected test process has no terminal of its own.
/// </summary>
[TestFixture]
public sealed class TerminalTests
{
    private TempDirectory dir = null!;

    [SetUp]
    public void SetUp()
    {
        if (!PtySession.IsAvailable)
        {
            Assert.Inconclusive("util-linux 'script' is not installed; terminal behaviour can't be exercised");
        }

        dir = new TempDirectory();
    }

    [TearDown]
    public void TearDown() => dir?.Dispose();

    [Test]
    public void Encrypt_BinaryToTerminal_RefusedWithArmorHint()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string input = dir.Write("report.txt", "confidential\n");

        using PtySession session = PtySession.Start(dir.Path, ["age", "encrypt", "-r", key.PublicKey, input]);
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(session.Screen, Does.Contain("whistle-review: error: refusing to write binary encrypted output to the terminal"));
        Assert.That(session.Screen, Does.Contain("whistle-review: hint: did you mean to use -a/--armor?"));
        Assert.That(session.Screen, Does.Not.Contain("age-encryption.org"));
    }

    [Test]
    public void Encrypt_ArmorToTerminal_Allowed()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string input = dir.Write("report.txt", "confidential\n");

        using PtySession session = PtySession.Start(dir.Path, ["age", "encrypt", "-a", "-r", key.PublicKey, input]);
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.Zero, session.Screen);
        Assert.That(session.Screen, Does.Contain("-----BEGIN AGE ENCRYPTED FILE-----"));
    }

    [Test]
    public void Keygen_ToTerminal_PrintsKeyOnceWithoutPublicKeyLineOnStderr()
    {
        using PtySession session = PtySession.Start(dir.Path, ["age", "keygen"]);
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.Zero, session.Screen);
        Assert.That(session.Screen, Does.Contain("# public key: age1"));
        Assert.That(session.Screen, Does.Not.Contain("Public key:"));
    }

    [Test]
    public void Encrypt_PassphraseOnTerminal_AskedTwiceWithoutEchoAndDecrypts()
    {
        const string passphrase = "sunflower-typewriter-42";
        string input = dir.Write("report.txt", "confidential\n");
        string output = dir.File("report.age");

        using PtySession session = PtySession.Start(dir.Path, ["age", "encrypt", "-p", "-o", output, input]);
        session.WaitFor("Enter passphrase:");
        session.Type(passphrase + "\r");
        session.WaitFor("Confirm passphrase:");
        session.Type(passphrase + "\r");
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.Zero, session.Screen);
        Assert.That(session.Screen, Does.Not.Contain(passphrase), "echo must be off");
        string passFile = dir.Write("pass.txt", passphrase + "\n");
        CliResult decrypted = WhistleReview.Run(dir.Path, ["age", "decrypt", output], null, passFile);
        Assert.That(decrypted.StdoutText, Is.EqualTo("confidential\n"), decrypted.ToString());
    }

    [Test]
    public void Encrypt_PassphrasesDiffer_FailsWithoutOutput()
    {
        string input = dir.Write("report.txt", "confidential\n");

        using PtySession session = PtySession.Start(dir.Path, ["age", "encrypt", "-p", "-o", dir.File("report.age"), input]);
        session.WaitFor("Enter passphrase:");
        session.Type("first\r");
        session.WaitFor("Confirm passphrase:");
        session.Type("second\r");
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(session.Screen, Does.Contain("whistle-review: error: the passphrases didn't match"));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "report.txt" }));
    }

    [Test]
    public void Decrypt_PassphraseOnTerminalWithStdoutRedirected_PromptsAndWritesPlaintext()
    {
        string ciphertext = EncryptWithPassphrase("harbour lights");
        string output = dir.File("report.txt");

        using PtySession session = PtySession.Start(dir.Path, ["age", "decrypt", ciphertext], stdoutFile: output);
        session.WaitFor("Enter passphrase:");
        session.Type("harbour lights\r");
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.Zero, session.Screen);
        Assert.That(File.ReadAllText(output), Is.EqualTo("confidential\n"));
        Assert.That(session.Screen, Does.Not.Contain("harbour lights"));
    }

    [Test]
    public void Decrypt_WrongPassphraseOnTerminal_FailsWithIncorrectPassphrase()
    {
        string ciphertext = EncryptWithPassphrase("harbour lights");

        using PtySession session = PtySession.Start(dir.Path, ["age", "decrypt", "-o", dir.File("report.txt"), ciphertext]);
        session.WaitFor("Enter passphrase:");
        session.Type("harbour light\r");
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(session.Screen, Does.Contain("whistle-review: error: incorrect passphrase"));
        Assert.That(File.Exists(dir.File("report.txt")), Is.False);
    }

    [Test]
    public void Decrypt_PassphraseProtectedIdentityOnTerminal_PromptsNamingTheFile()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        string input = dir.Write("report.txt", "confidential\n");
        CliResult encrypted = WhistleReview.Run(dir.Path, "age", "encrypt", "-r", key.PublicKey, "-o", dir.File("report.age"), input);
        string passFile = dir.Write("pass.txt", "key passphrase\n");
        CliResult wrapped = WhistleReview.Run(dir.Path, ["age", "encrypt", "-p", "-a", "-o", dir.File("key.age"), key.IdentityFile], null, passFile);
        Assert.That(encrypted.ExitCode + wrapped.ExitCode, Is.Zero, $"{encrypted} / {wrapped}");

        using PtySession session = PtySession.Start(dir.Path, ["age", "decrypt", "-i", dir.File("key.age"), dir.File("report.age")]);
        session.WaitFor($"Enter passphrase for identity file \"{dir.File("key.age")}\":");
        session.Type("key passphrase\r");
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.Zero, session.Screen);
        Assert.That(session.Screen, Does.Contain("confidential"), "decrypted text may go to a terminal, as with age");
        Assert.That(session.Screen, Does.Not.Contain("key passphrase"));
    }

    private string EncryptWithPassphrase(string passphrase)
    {
        string input = dir.Write("report.txt", "confidential\n");
        string passFile = dir.Write("encrypt-pass.txt", passphrase + "\n");
        CliResult result = WhistleReview.Run(dir.Path, ["age", "encrypt", "-p", "-o", dir.File("report.age"), input], null, passFile);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        File.Delete(input);
        File.Delete(passFile);
        return dir.File("report.age");
    }
}
