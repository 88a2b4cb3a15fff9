using System.Globalization;
using System.Text.RegularExpressions;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Age;

[TestFixture]
public sealed class AgeKeygenCommandTests
{
    private TempDirectory dir = null!;

    [SetUp]
    public void SetUp() => dir = new TempDirectory();

    [TearDown]
    public void TearDown() => dir.Dispose();

    [TestCase(false, "age1", "AGE-SECRET-KEY-1", Description = "X25519, as age-keygen")]
    [TestCase(true, "age1pq1", "AGE-SECRET-KEY-PQ-1", Description = "ML-KEM-768 + X25519, as age-keygen -pq")]
    public void Keygen_ToStdout_WritesCreatedPublicKeyAndSecretLines(bool pq, string publicPrefix, string secretPrefix)
    {
        CliResult result = WhistleReview.Run(dir.Path, pq ? ["age", "keygen", "--pq"] : ["age", "keygen"]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        string[] lines = result.StdoutText.Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[3], Is.Empty);
        Match created = Regex.Match(lines[0], "^# created: (.+)$");
        Assert.That(created.Success, Is.True, lines[0]);
        Assert.That(
            DateTimeOffset.TryParseExact(created.Groups[1].Value, ["yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            Is.True,
            "RFC 3339 time");
        Assert.That(lines[1], Does.StartWith("# public key: " + publicPrefix));
        Assert.That(lines[2], Does.StartWith(secretPrefix));
        // stdout is a pipe here, so the public key is repeated on stderr, as age-keygen does.
        Assert.That(result.Stderr, Is.EqualTo($"Public key: {lines[1]["# public key: ".Length..]}\n"));
    }

    [Test]
    public void Keygen_WithOutputFile_CreatesOwnerOnlyFileAndPrintsPublicKey()
    {
        string path = dir.File("key.txt");

        CliResult result = WhistleReview.Run(dir.Path, "age", "keygen", "-o", path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(FileModes.Of(path), Is.EqualTo(FileModes.OwnerOnly));
        string publicKey = File.ReadAllLines(path)[1]["# public key: ".Length..];
        Assert.That(result.Stderr, Is.EqualTo($"Public key: {publicKey}\n"));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "key.txt" }), "no temporary file left");
    }

    [Test]
    public void Keygen_PostQuantumWithOutputFile_WritesPostQuantumKey()
    {
        string path = dir.File("pq.txt");

        CliResult result = WhistleReview.Run(dir.Path, "age", "keygen", "--pq", "-o", path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllLines(path)[2], Does.StartWith("AGE-SECRET-KEY-PQ-1"));
        Assert.That(result.Stderr, Does.StartWith("Public key: age1pq1"));
    }

    [Test]
    public void Keygen_OutputFileExists_RefusesAndKeepsTheFile()
    {
        string path = dir.Write("key.txt", "precious\n");

        CliResult result = WhistleReview.Run(dir.Path, "age", "keygen", "-o", path);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: output file"));
        Assert.That(result.Stderr, Does.Contain("whistle-review: hint:"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("precious\n"));
        Assert.That(dir.FileNames(), Is.EquivalentTo(new[] { "key.txt" }));
    }

    [Test]
    public void Keygen_OutputDirectoryMissing_FailsWithError()
    {
        CliResult result = WhistleReview.Run(dir.Path, "age", "keygen", "-o", dir.File("no/such/dir/key.txt"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: can't create output file"));
        Assert.That(result.Stdout, Is.Empty);
    }
}
