using System.Text;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Age;

/// <summary>age-style "-e"/"-d" invocations, as deploy/portal/backup.sh and restore.sh use them.</summary>
[TestFixture]
public sealed class AgeModeFlagsTests
{
    private TempDirectory dir = null!;

    [SetUp]
    public void SetUp() => dir = new TempDirectory();

    [TearDown]
    public void TearDown() => dir.Dispose();

    [Test]
    public void AgeFlags_EncryptThenDecrypt_RoundTripLikeAge()
    {
        KeyPair key = KeyPair.Generate(dir, "key.txt");
        byte[] archive = Encoding.UTF8.GetBytes("pretend tar stream\n");

        CliResult encrypted = WhistleReview.Run(dir.Path, ["age", "-e", "-r", key.PublicKey, "-o", dir.File("backup.tar.age.partial")], archive);
        CliResult decrypted = WhistleReview.Run(dir.Path, "age", "-d", "-i", key.IdentityFile, dir.File("backup.tar.age.partial"));

        Assert.That(encrypted.ExitCode, Is.Zero, encrypted.ToString());
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
        Assert.That(decrypted.Stdout, Is.EqualTo(archive));
    }

    [Test]
    public void AgeFlags_ModeFlagWithVerb_IsAnError()
    {
        CliResult result = WhistleReview.Run(dir.Path, "age", "encrypt", "-d", "x");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: "));
    }
}
