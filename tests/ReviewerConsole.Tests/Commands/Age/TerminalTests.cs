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
}
