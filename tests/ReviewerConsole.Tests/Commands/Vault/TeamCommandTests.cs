using System.Text.Json;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Vault;

[TestFixture]
public sealed class TeamCommandTests
{
    [Test]
    public void TeamKeygen_NewVault_PrintsKeyAndFingerprintWritesScryptKeyFileAndAudits()
    {
        using TestVault vault = TestVault.Initialized();

        CliResult result = vault.Run("team", "keygen");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Match key = Regex.Match(result.StdoutText, @"^Public key: (whistlesubmit-team-v2:[A-Za-z0-9_-]+)$", RegexOptions.Multiline);
        Assert.That(key.Success, Is.True, result.StdoutText);
        TeamPublicKey publicKey = TeamPublicKey.Parse(key.Groups[1].Value);
        Assert.That(result.StdoutText, Does.Contain($"Fingerprint: {publicKey.DisplayFingerprint}\n"));

        // A standard age file protected with the vault passphrase, like the reviewer key files.
        string keyFile = Path.Combine(vault.Root, "team.age");
        Assert.That(FileModes.Of(keyFile), Is.EqualTo(FileModes.OwnerOnly));
        Assert.That(File.ReadAllText(keyFile), Does.StartWith("age-encryption.org/v1\n-> scrypt "));
        CliResult decrypted = WhistleReview.Run(vault.Directory.Path, ["age", "decrypt", keyFile], null, vault.PassphraseFile);
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());
        Assert.That(decrypted.StdoutText, Does.Contain($"# public key: {publicKey.Text}\n{TeamSigningKey.SecretPrefix}"));
        Assert.That(VaultAudit.Entries(vault).Last().Details, Is.EqualTo($"team key, fingerprint {publicKey.DisplayFingerprint}"));
        Assert.That(VaultAudit.Actions(vault), Does.Contain("team-key.create"));
    }

    [Test]
    public void TeamKeygen_Again_RefusesAndChangesNothing()
    {
        using TestVault vault = TestVault.Initialized();
        vault.Succeed("team", "keygen");
        var before = vault.Snapshot();

        CliResult result = vault.Run("team", "keygen");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault already has a team key"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void TeamKeygen_LeftoverFileWithoutRecord_Refuses()
    {
        using TestVault vault = TestVault.Initialized();
        File.WriteAllText(Path.Combine(vault.Root, "team.age"), "left over");

        CliResult result = vault.Run("team", "keygen");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(vault.Root, "team.age")), Is.EqualTo("left over"));
    }

    [Test]
    public void TeamShow_AfterKeygen_PrintsTheSameKeyAndFingerprint()
    {
        using TestVault vault = TestVault.Initialized();
        string created = vault.Succeed("team", "keygen").StdoutText;

        CliResult table = vault.Run("team", "show");
        CliResult json = vault.Run("team", "show", "--json");

        Assert.That(table.ExitCode, Is.Zero, table.ToString());
        string publicKey = Regex.Match(created, "^Public key: (.+)$", RegexOptions.Multiline).Groups[1].Value;
        Assert.That(table.StdoutText, Does.Contain($"Public key: {publicKey}\n"));
        Assert.That(table.StdoutText, Does.Contain($"Fingerprint: {TeamPublicKey.Parse(publicKey).DisplayFingerprint}\n"));
        using JsonDocument doc = JsonDocument.Parse(json.StdoutText);
        Assert.That(doc.RootElement.GetProperty("publicKey").GetString(), Is.EqualTo(publicKey));
        Assert.That(doc.RootElement.GetProperty("fingerprint").GetString(), Is.EqualTo(TeamPublicKey.Parse(publicKey).Fingerprint));
    }

    [Test]
    public void TeamShow_NoTeamKey_FailsNamingKeygen()
    {
        using TestVault vault = TestVault.Initialized();

        CliResult result = vault.Run("team", "show");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the vault has no team key yet"));
        Assert.That(result.Stderr, Does.Contain("team keygen"));
    }

    [Test]
    public void TeamPublish_KeyAndReviewer_WritesVerifyingSetTeamPubAndScriptAndPrintsHashes()
    {
        using TestVault vault = TestVault.WithKey();
        string output = vault.Directory.File("published");
        using JsonDocument keys = JsonDocument.Parse(vault.Succeed("keys", "--json").StdoutText);
        string recipient = keys.RootElement[0].GetProperty("recipient").GetString()!;

        CliResult result = vault.Run("team", "publish", "--out", output);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        TeamPublicKey team = TeamPublicKey.Parse(File.ReadAllText(Path.Combine(output, "team.pub")).TrimEnd('\n'));
        RecipientSet set = RecipientSet.Open(File.ReadAllBytes(Path.Combine(output, "recipients.signed.json")), team);
        byte[] script = File.ReadAllBytes(Path.Combine(output, "team.js"));
        Assert.That(set.Recipients, Is.EqualTo(new[] { recipient }));
        Assert.That(System.Text.Encoding.ASCII.GetString(script), Is.EqualTo($"self.whistleTeamKey = \"{team.Text}\";\n"));
        Assert.That(result.StdoutText, Does.Contain($"Team key fingerprint: {team.DisplayFingerprint}\n"));
        Assert.That(result.StdoutText, Does.Contain(WhistleSubmit.Crypto.Age.RecipientFingerprint.Compute(recipient)));
        Assert.That(result.StdoutText, Does.Contain($"team.js sha256: {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(script))}\n"));
        Assert.That(result.StdoutText, Does.Contain($"team.js sha384: sha384-{Convert.ToBase64String(System.Security.Cryptography.SHA384.HashData(script))}\n"));
        Assert.That(VaultAudit.Actions(vault), Does.Contain("team.publish"));
    }

    [Test]
    public void TeamPublish_Again_RefusesToOverwrite()
    {
        using TestVault vault = TestVault.WithKey();
        string output = vault.Directory.File("published");
        vault.Succeed("team", "publish", "--out", output);
        string before = File.ReadAllText(Path.Combine(output, "recipients.signed.json"));

        CliResult result = vault.Run("team", "publish", "--out", output);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("already exists"));
        Assert.That(File.ReadAllText(Path.Combine(output, "recipients.signed.json")), Is.EqualTo(before));
    }

    [Test]
    public void TeamPublish_NoTeamKey_FailsNamingKeygen()
    {
        using TestVault vault = TestVault.Initialized();
        vault.Succeed("keygen", "--name", "alice");

        CliResult result = vault.Run("team", "publish", "--out", vault.Directory.File("published"));

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("team keygen"));
    }
}
