using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>
/// Interop with npm age-encryption 0.3.1, the library the portal's browser code runs, through
/// src/Portal/ClientApp/tools/interop.mjs: post-quantum (mlkem768x25519), X25519 and scrypt, both ways.
/// </summary>
[TestFixture]
public class NodeInteropTests
{
    private const string Passphrase = "correct horse battery staple 42";

    private string node = null!;
    private InteropFiles files = null!;

    [SetUp]
    public void SetUp()
    {
        node = InteropEnvironment.RequireNode();
        files = new InteropFiles();
    }

    [TearDown]
    public void TearDown() => files.Dispose();

    [Test]
    public void Encrypt_MlKem768X25519ToNode_NodeDecrypts(
        [ValueSource(typeof(InteropSizes), nameof(InteropSizes.All))] int size)
    {
        using var identity = MlKem768X25519Identity.Generate();
        string key = files.WriteText("key.txt", identity.ExportSecretKey() + "\n");
        string plaintext = files.WritePlaintext("plain.bin", size);
        string ciphertext = files.Encrypt(plaintext, "c.age", [identity.Recipient]);

        RunInterop(["decrypt", "--identity-file", key], ciphertext, files.PathOf("out.bin")).AssertSuccess("node decrypt");

        InteropFiles.AssertSameContent(plaintext, files.PathOf("out.bin"));
    }

    [Test]
    public void Encrypt_ArmoredMlKem768X25519ToNode_NodeDecrypts(
        [ValueSource(typeof(InteropSizes), nameof(InteropSizes.Small))] int size)
    {
        using var identity = MlKem768X25519Identity.Generate();
        string key = files.WriteText("key.txt", identity.ExportSecretKey() + "\n");
        string plaintext = files.WritePlaintext("plain.bin", size);
        string ciphertext = files.Encrypt(plaintext, "c.age", [identity.Recipient], armor: true);

        RunInterop(["decrypt", "--identity-file", key], ciphertext, files.PathOf("out.bin")).AssertSuccess("node decrypt");

        InteropFiles.AssertSameContent(plaintext, files.PathOf("out.bin"));
    }

    [Test]
    public void Encrypt_SeveralMlKem768X25519Recipients_NodeDecryptsWithEach()
    {
        using var first = MlKem768X25519Identity.Generate();
        using var second = MlKem768X25519Identity.Generate();
        string plaintext = files.WritePlaintext("plain.bin", InteropSizes.Chunk + 1);
        string ciphertext = files.Encrypt(plaintext, "c.age", [first.Recipient, second.Recipient]);

        foreach (var (identity, name) in new[] { (first, "1"), (second, "2") })
        {
            string key = files.WriteText($"key{name}.txt", identity.ExportSecretKey() + "\n");
            RunInterop(["decrypt", "--identity-file", key], ciphertext, files.PathOf($"out{name}.bin"))
                .AssertSuccess("node decrypt");
            InteropFiles.AssertSameContent(plaintext, files.PathOf($"out{name}.bin"));
        }
    }

    [Test]
    public void Encrypt_X25519ToNode_NodeDecrypts(
        [ValueSource(typeof(InteropSizes), nameof(InteropSizes.All))] int size)
    {
        using var identity = X25519Identity.Generate();
        string key = files.WriteText("key.txt", identity.ExportSecretKey() + "\n");
        string plaintext = files.WritePlaintext("plain.bin", size);
        string ciphertext = files.Encrypt(plaintext, "c.age", [identity.Recipient]);

        RunInterop(["decrypt", "--identity-file", key], ciphertext, files.PathOf("out.bin")).AssertSuccess("node decrypt");

        InteropFiles.AssertSameContent(plaintext, files.PathOf("out.bin"));
    }

    [Test]
    public void Decrypt_NodeMlKem768X25519Output_RoundTrips(
        [ValueSource(typeof(InteropSizes), nameof(InteropSizes.All))] int size,
        [Values(false, true)] bool armor)
    {
        (_, string secretKey, string recipient) = NodeKeygen(pq: true);
        using var identity = MlKem768X25519Identity.Parse(secretKey);
        string plaintext = files.WritePlaintext("plain.bin", size);
        string[] args = armor ? ["encrypt", "--armor"] : ["encrypt"];
        RunInterop([.. args, "--recipient", recipient], plaintext, files.PathOf("c.age")).AssertSuccess("node encrypt");

        string output = files.Decrypt(files.PathOf("c.age"), "out.bin", [identity]);

        InteropFiles.AssertSameContent(plaintext, output);
    }

    [Test]
    public void Decrypt_NodeX25519Output_RoundTrips(
        [ValueSource(typeof(InteropSizes), nameof(InteropSizes.All))] int size)
    {
        (_, string secretKey, string recipient) = NodeKeygen(pq: false);
        using var identity = X25519Identity.Parse(secretKey);
        string plaintext = files.WritePlaintext("plain.bin", size);
        RunInterop(["encrypt", "--recipient", recipient], plaintext, files.PathOf("c.age")).AssertSuccess("node encrypt");

        string output = files.Decrypt(files.PathOf("c.age"), "out.bin", [identity]);

        InteropFiles.AssertSameContent(plaintext, output);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void ParseIdentitiesFile_NodeKeygenOutput_GivesNodesRecipient(bool pq)
    {
        (string keyFile, _, string recipient) = NodeKeygen(pq);
        IReadOnlyList<IIdentity> identities;
        using (var reader = new StringReader(keyFile))
        {
            identities = AgeKeys.ParseIdentitiesFile(reader);
        }

        Assert.That(identities, Has.Count.EqualTo(1));
        string ours = identities[0] switch
        {
            MlKem768X25519Identity id => id.Recipient.ToString(),
            X25519Identity id => id.Recipient.ToString(),
            var other => throw new AssertionException($"unexpected identity type {other.GetType().Name}"),
        };
        Assert.That(identities[0], pq ? Is.InstanceOf<MlKem768X25519Identity>() : Is.InstanceOf<X25519Identity>());
        Assert.That(ours, Is.EqualTo(recipient));
        Assert.That(AgeKeys.ParseRecipient(recipient).ToString(), Is.EqualTo(recipient));
        (identities[0] as IDisposable)?.Dispose();
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Parse_NodeKeygenIdentity_GivesNodesRecipient(bool pq)
    {
        (_, string secretKey, string recipient) = NodeKeygen(pq);

        string ours;
        if (pq)
        {
            using var identity = MlKem768X25519Identity.Parse(secretKey);
            ours = identity.Recipient.ToString();
        }
        else
        {
            using var identity = X25519Identity.Parse(secretKey);
            ours = identity.Recipient.ToString();
        }

        Assert.That(ours, Is.EqualTo(recipient));
    }

    [Test]
    public void Encrypt_ScryptToNode_NodeDecrypts()
    {
        string passphraseFile = files.WriteText("pass.txt", Passphrase + "\n");
        string plaintext = files.WritePlaintext("plain.bin", InteropSizes.Chunk + 1);
        using var recipient = new ScryptRecipient(Passphrase, workFactor: 12);
        string ciphertext = files.Encrypt(plaintext, "c.age", [recipient]);

        RunInterop(["decrypt", "--passphrase-file", passphraseFile], ciphertext, files.PathOf("out.bin"))
            .AssertSuccess("node decrypt");

        InteropFiles.AssertSameContent(plaintext, files.PathOf("out.bin"));
    }

    [Test]
    public void Decrypt_NodeScryptOutput_RoundTrips()
    {
        string passphraseFile = files.WriteText("pass.txt", Passphrase + "\n");
        string plaintext = files.WritePlaintext("plain.bin", InteropSizes.Chunk + 1);
        RunInterop(["encrypt", "--passphrase-file", passphraseFile, "--work-factor", "12"], plaintext, files.PathOf("c.age"))
            .AssertSuccess("node encrypt");

        using var identity = new ScryptIdentity(Passphrase);
        string output = files.Decrypt(files.PathOf("c.age"), "out.bin", [identity]);

        InteropFiles.AssertSameContent(plaintext, output);
    }

    private ProcessResult RunInterop(string[] args, string? stdinFile = null, string? stdoutFile = null) =>
        ProcessRunner.Run(
            node,
            [InteropEnvironment.InteropScript, .. args],
            stdinFile: stdinFile,
            stdoutFile: stdoutFile,
            workingDirectory: InteropEnvironment.ClientAppDirectory);

    /// <summary>Runs interop.mjs keygen: the key file text, its identity line and its "# public key:" recipient.</summary>
    private (string KeyFile, string Identity, string Recipient) NodeKeygen(bool pq)
    {
        string text = RunInterop(pq ? ["keygen", "--pq"] : ["keygen"]).AssertSuccess("node keygen").StdOut;
        string[] lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        const string PublicKey = "# public key: ";
        string recipient = lines.Single(l => l.StartsWith(PublicKey, StringComparison.Ordinal))[PublicKey.Length..];
        string identity = lines.Single(l => l.StartsWith("AGE-SECRET-KEY-", StringComparison.Ordinal));
        return (text, identity, recipient);
    }
}
