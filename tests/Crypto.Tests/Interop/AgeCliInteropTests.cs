using WhistleSubmit.Crypto.Age;

namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>
/// Interop with the reference age CLI (Debian's age 1.1.1, X25519 and scrypt only), both ways, with real processes.
/// </summary>
[TestFixture]
public class AgeCliInteropTests
{
    private const string Passphrase = "correct horse battery staple 42";

    private string age = null!;
    private InteropFiles files = null!;

    [SetUp]
    public void SetUp()
    {
        age = InteropEnvironment.RequireTool("age");
        files = new InteropFiles();
    }

    [TearDown]
    public void TearDown() => files.Dispose();

    [Test]
    public void Encrypt_X25519ToAgeCli_AgeDecrypts(
        [ValueSource(typeof(InteropSizes), nameof(InteropSizes.All))] int size,
        [Values(false, true)] bool armor)
    {
        using var identity = X25519Identity.Generate();
        string key = files.WriteText("key.txt", identity.ExportSecretKey() + "\n");
        string plaintext = files.WritePlaintext("plain.bin", size);
        string ciphertext = files.Encrypt(plaintext, "c.age", [identity.Recipient], armor);

        // Through stdout: age -o creates its file only on the first write, so an empty plaintext would leave none.
        ProcessRunner.Run(age, ["-d", "-i", key, ciphertext], stdoutFile: files.PathOf("out.bin")).AssertSuccess("age -d");

        InteropFiles.AssertSameContent(plaintext, files.PathOf("out.bin"));
    }

    [Test]
    public void Decrypt_AgeCliX25519Output_RoundTrips(
        [ValueSource(typeof(InteropSizes), nameof(InteropSizes.All))] int size,
        [Values(false, true)] bool armor)
    {
        using var identity = X25519Identity.Generate();
        string plaintext = files.WritePlaintext("plain.bin", size);
        string[] args = armor ? ["-e", "-a"] : ["-e"];
        ProcessRunner.Run(age, [.. args, "-r", identity.Recipient.ToString(), "-o", files.PathOf("c.age"), plaintext])
            .AssertSuccess("age -e");

        string output = files.Decrypt(files.PathOf("c.age"), "out.bin", [identity]);

        InteropFiles.AssertSameContent(plaintext, output);
    }

    [Test]
    public void Decrypt_AgeCliOutputForSeveralRecipients_EachIdentityDecrypts()
    {
        using var first = X25519Identity.Generate();
        using var second = X25519Identity.Generate();
        string plaintext = files.WritePlaintext("plain.bin", InteropSizes.Chunk + 1);
        ProcessRunner.Run(age, ["-e", "-r", first.Recipient.ToString(), "-r", second.Recipient.ToString(),
            "-o", files.PathOf("c.age"), plaintext]).AssertSuccess("age -e");

        string outFirst = files.Decrypt(files.PathOf("c.age"), "out1.bin", [first]);
        string outSecond = files.Decrypt(files.PathOf("c.age"), "out2.bin", [second]);

        InteropFiles.AssertSameContent(plaintext, outFirst);
        InteropFiles.AssertSameContent(plaintext, outSecond);
    }

    [Test]
    public void Decrypt_AgeCliOutputWithOtherIdentity_ThrowsNoMatch()
    {
        using var recipientOwner = X25519Identity.Generate();
        using var stranger = X25519Identity.Generate();
        string plaintext = files.WritePlaintext("plain.bin", 100);
        ProcessRunner.Run(age, ["-e", "-r", recipientOwner.Recipient.ToString(), "-o", files.PathOf("c.age"), plaintext])
            .AssertSuccess("age -e");

        var ex = Assert.Throws<AgeException>(() => files.Decrypt(files.PathOf("c.age"), "out.bin", [stranger]));

        Assert.That(ex!.Kind, Is.EqualTo(AgeErrorKind.NoMatch));
    }

    [Test]
    public void ParseIdentitiesFile_AgeKeygenOutput_GivesAgeKeygensRecipient()
    {
        string keygen = InteropEnvironment.RequireTool("age-keygen");
        string key = files.PathOf("key.txt");
        ProcessRunner.Run(keygen, ["-o", key]).AssertSuccess("age-keygen");
        string recipientText = ProcessRunner.Run(keygen, ["-y", key]).AssertSuccess("age-keygen -y").StdOut.Trim();

        IReadOnlyList<IIdentity> identities;
        using (var reader = new StreamReader(key))
        {
            identities = AgeKeys.ParseIdentitiesFile(reader);
        }

        Assert.That(identities, Has.Count.EqualTo(1));
        var identity = identities[0] as X25519Identity;
        Assert.That(identity, Is.Not.Null);
        Assert.That(identity!.Recipient.ToString(), Is.EqualTo(recipientText));
        Assert.That(AgeKeys.ParseRecipient(recipientText).ToString(), Is.EqualTo(recipientText));
        identity.Dispose();
    }

    [Test]
    public void Decrypt_AgeCliOutputWithAgeKeygenKeyFile_RoundTrips()
    {
        string keygen = InteropEnvironment.RequireTool("age-keygen");
        string key = files.PathOf("key.txt");
        ProcessRunner.Run(keygen, ["-o", key]).AssertSuccess("age-keygen");
        string plaintext = files.WritePlaintext("plain.bin", InteropSizes.Chunk * 2);
        ProcessRunner.Run(age, ["-e", "-R", RecipientsFileOf(keygen, key), "-o", files.PathOf("c.age"), plaintext])
            .AssertSuccess("age -e -R");
        IReadOnlyList<IIdentity> identities;
        using (var reader = new StreamReader(key))
        {
            identities = AgeKeys.ParseIdentitiesFile(reader);
        }

        string output = files.Decrypt(files.PathOf("c.age"), "out.bin", identities);

        InteropFiles.AssertSameContent(plaintext, output);
    }

    [Test]
    public void Decrypt_AgeCliPassphraseOutput_RoundTrips()
    {
        string script = InteropEnvironment.RequireTool("script");
        string plaintext = files.WritePlaintext("plain.bin", InteropSizes.Chunk + 1);
        string ciphertext = files.PathOf("c.age");

        // age reads passphrases only from a terminal; script(1) gives it one and types for us (prompt + confirmation).
        ProcessRunner.Run(
            script,
            ["-q", "-e", "-c", $"'{age}' -e -p -o '{ciphertext}' '{plaintext}'", "/dev/null"],
            stdinText: $"{Passphrase}\n{Passphrase}\n").AssertSuccess("age -e -p");

        using var identity = new ScryptIdentity(Passphrase);
        string output = files.Decrypt(ciphertext, "out.bin", [identity]);

        InteropFiles.AssertSameContent(plaintext, output);
    }

    [Test]
    public void Encrypt_ScryptToAgeCli_AgeDecryptsWithPassphrase()
    {
        string script = InteropEnvironment.RequireTool("script");
        string plaintext = files.WritePlaintext("plain.bin", InteropSizes.Chunk + 1);
        using var recipient = new ScryptRecipient(Passphrase, workFactor: 14);
        string ciphertext = files.Encrypt(plaintext, "c.age", [recipient]);
        string output = files.PathOf("out.bin");

        ProcessRunner.Run(
            script,
            ["-q", "-e", "-c", $"'{age}' -d -o '{output}' '{ciphertext}'", "/dev/null"],
            stdinText: $"{Passphrase}\n").AssertSuccess("age -d (passphrase)");

        InteropFiles.AssertSameContent(plaintext, output);
    }

    private string RecipientsFileOf(string keygen, string key)
    {
        string recipient = ProcessRunner.Run(keygen, ["-y", key]).AssertSuccess("age-keygen -y").StdOut;
        return files.WriteText("recipients.txt", "# reviewers\n" + recipient);
    }
}
