using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Vault;

[TestFixture]
public sealed class VaultKeygenCommandTests
{
    [Test]
    public void Keygen_NewName_PrintsPortalCommandAndFingerprintAndWritesScryptKeyFile()
    {
        using TestVault vault = TestVault.Initialized();

        CliResult result = vault.Run("keygen", "--name", "bob");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Match command = Regex.Match(result.StdoutText, @"^Recipient: (age1pq1[0-9a-z]+)$", RegexOptions.Multiline);
        Assert.That(result.StdoutText, Does.Contain("whistle-review team publish --out DIR"));
        Assert.That(command.Success, Is.True, result.StdoutText);
        Assert.That(result.StdoutText, Does.Match(@"Fingerprint: ([0-9a-f]{4} ){7}[0-9a-f]{4}\n"));

        // A standard age file protected with the vault passphrase: the age verbs (and age -d) open it.
        string keyFile = Path.Combine(vault.Root, "keys", "bob.age");
        Assert.That(FileModes.Of(keyFile), Is.EqualTo(FileModes.OwnerOnly));
        Assert.That(File.ReadAllText(keyFile), Does.StartWith("age-encryption.org/v1\n-> scrypt ").And.Contain(" 18\n"), "a 19 MiB vault: the floor, 18");
        CliResult decrypted = WhistleReview.Run(vault.Directory.Path, ["age", "decrypt", keyFile], null, vault.PassphraseFile);
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
        Assert.That(decrypted.StdoutText, Does.Contain("# public key: " + command.Groups[1].Value + "\nAGE-SECRET-KEY-PQ-1"));
    }

    [Test]
    public void Keygen_ExistingName_RefusesAndChangesNothing()
    {
        using TestVault vault = TestVault.WithKey();
        var before = vault.Snapshot();

        CliResult result = vault.Run("keygen", "--name", "alice");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault already has a key named \"alice\""));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [TestCase("../evil")]
    [TestCase("Alice")]
    [TestCase("")]
    public void Keygen_BadName_Refuses(string name)
    {
        using TestVault vault = TestVault.WithKey();

        CliResult result = vault.Run("keygen", "--name", name);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: a key name is 1 to 32 lower-case letters"));
        Assert.That(Directory.GetFiles(Path.Combine(vault.Root, "keys")), Has.Length.EqualTo(1));
    }

    [Test]
    public void Keys_AfterKeygen_ListsNameFingerprintAndJsonRecipient()
    {
        using TestVault vault = TestVault.WithKey();

        CliResult table = vault.Run("keys");
        CliResult json = vault.Run("keys", "--json");

        Assert.That(table.ExitCode, Is.Zero, table.ToString());
        Assert.That(table.StdoutText, Does.Match(@"^NAME +CREATED +FINGERPRINT\nalice +\d{4}-\d\d-\d\dT[0-9:.]+Z +([0-9a-f]{4} ){7}[0-9a-f]{4}\n$"));
        using JsonDocument doc = JsonDocument.Parse(json.StdoutText);
        JsonElement key = doc.RootElement.EnumerateArray().Single();
        Assert.That(key.GetProperty("name").GetString(), Is.EqualTo("alice"));
        Assert.That(key.GetProperty("recipient").GetString(), Does.StartWith("age1pq1"));
        Assert.That(table.StdoutText, Does.Contain(key.GetProperty("fingerprint").GetString()));
    }
}
