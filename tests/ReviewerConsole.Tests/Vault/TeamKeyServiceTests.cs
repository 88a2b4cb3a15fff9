using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Vault;

[TestFixture]
public sealed class TeamKeyServiceTests
{
    [Test]
    public void Load_AfterKeygen_GivesTheListedKeyWhichSigns()
    {
        using TestVault vault = TestVault.Initialized();
        vault.Succeed("team", "keygen");
        using VaultSession session = Open(vault);

        using TeamSigningKey key = TeamKeyService.Load(session);
        byte[] envelope = SignedDocument.Create(key, "reply", "{}"u8);

        Assert.That(key.PublicKey, Is.EqualTo(TeamKeyService.PublicKey(session)));
        Assert.That(SignedDocument.Open(envelope, TeamKeyService.PublicKey(session), "reply"), Is.EqualTo("{}"u8.ToArray()));
    }

    [Test]
    public void Load_TeamKeyFileSwappedForAnotherVaults_IsAnIntegrityFailure()
    {
        // Another team key under the same passphrase decrypts fine; only the store's record tells it is not ours.
        using TestVault vault = TestVault.Initialized();
        using TestVault other = TestVault.Initialized();
        vault.Succeed("team", "keygen");
        other.Succeed("team", "keygen");
        File.Copy(Path.Combine(other.Root, "team.age"), Path.Combine(vault.Root, "team.age"), overwrite: true);
        using VaultSession session = Open(vault);

        var error = Assert.Throws<CliException>(() => TeamKeyService.Load(session).Dispose())!;

        Assert.That(error.ExitCode, Is.EqualTo(ErrorReporter.IntegrityFailure));
        Assert.That(error.Message, Does.Contain("team.age"));
    }

    [Test]
    public void Load_TeamKeyFileMissing_IsAnIntegrityFailure()
    {
        using TestVault vault = TestVault.Initialized();
        vault.Succeed("team", "keygen");
        File.Delete(Path.Combine(vault.Root, "team.age"));
        using VaultSession session = Open(vault);

        var error = Assert.Throws<CliException>(() => TeamKeyService.Load(session).Dispose())!;

        Assert.That(error.ExitCode, Is.EqualTo(ErrorReporter.IntegrityFailure));
    }

    [Test]
    public void Load_NoTeamKey_ThrowsNamingKeygen()
    {
        using TestVault vault = TestVault.Initialized();
        using VaultSession session = Open(vault);

        var error = Assert.Throws<CliException>(() => TeamKeyService.Load(session).Dispose())!;

        Assert.That(error.Message, Is.EqualTo("the vault has no team key yet"));
        Assert.That(TeamKeyService.Find(session), Is.Null);
    }

    private static VaultSession Open(TestVault vault) => VaultService.Open(vault.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System);
}
