using System.Text;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.ReviewerConsole.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Vault;

/// <summary>Issue 13 P7: a key file is never the cheaper target for guessing the vault passphrase.</summary>
[TestFixture]
public sealed class KeyServiceTests
{
    [TestCase(19, 3, 18)]     // the floor: age's default
    [TestCase(64, 3, 18)]     // 192 MiB of Argon2 work ≤ 256 MiB of scrypt
    [TestCase(128, 3, 19)]
    [TestCase(256, 3, 20)]    // the defaults: 768 MiB ≤ 1 GiB
    [TestCase(512, 3, 21)]
    [TestCase(1024, 3, 22)]
    [TestCase(4096, 3, 22)]   // capped: age refuses more than 22 by default
    [TestCase(4096, 64, 22)]
    public void KeyFileWorkFactor_CostsAtLeastTheVaultKdf(int memoryMiB, int iterations, int expected)
    {
        var kdf = new KdfParameters(KdfParameters.Argon2id, memoryMiB * 1024, iterations, 2, "");

        int logN = KeyService.KeyFileWorkFactor(kdf);

        Assert.That(logN, Is.EqualTo(expected));
        if (logN < KeyService.MaxKeyFileWorkFactor)
        {
            Assert.That(1024L << logN, Is.GreaterThanOrEqualTo(1024L * kdf.MemoryKiB * iterations));
        }
    }

    [Test]
    public void KeyFileWorkFactor_DefaultVault_Is20()
    {
        var kdf = new KdfParameters(KdfParameters.Argon2id, KdfParameters.DefaultMemoryMiB * 1024, KdfParameters.DefaultIterations,
            KdfParameters.DefaultParallelism, "");

        Assert.That(KeyService.KeyFileWorkFactor(kdf), Is.EqualTo(20));
    }

    [Test]
    public void Keygen_LargerKdfMemory_KeyFileHeaderHasTheHigherWorkFactorAndStillOpens()
    {
        using var vault = new TestVault();
        vault.Succeed("init", "--kdf-memory", "128");

        vault.Succeed("keygen", "--name", "ana");

        string keyFile = Path.Combine(vault.Root, "keys", "ana.age");
        Assert.That(WorkFactorOf(keyFile), Is.EqualTo(19));
        // The vault reads it back (import and files --export unlock every key), and so does age -d.
        using (VaultSession session = VaultService.Open(vault.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System))
        using (UnlockedKeys unlocked = KeyService.Unlock(session))
        {
            Assert.That(unlocked, Is.Not.Null);
        }

        CliResult decrypted = WhistleReview.Run(vault.Directory.Path, ["age", "decrypt", keyFile], null, vault.PassphraseFile);
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.ToString());

        // The team signing key is under the same passphrase, so it gets the same work factor, and still loads.
        vault.Succeed("team", "keygen");
        Assert.That(WorkFactorOf(Path.Combine(vault.Root, "team.age")), Is.EqualTo(19));
        using (VaultSession session = VaultService.Open(vault.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System))
        using (Crypto.Signing.TeamSigningKey team = TeamKeyService.Load(session))
        {
            Assert.That(team, Is.Not.Null);
        }
    }

    [Test]
    public void Keygen_MinimumKdfMemory_KeyFileHeaderHasWorkFactor18()
    {
        using TestVault vault = TestVault.Initialized();

        vault.Succeed("keygen", "--name", "ana");

        Assert.That(WorkFactorOf(Path.Combine(vault.Root, "keys", "ana.age")), Is.EqualTo(18));
    }

    /// <summary>The one stanza must be scrypt; its last argument is the work factor (spec "The scrypt recipient type").</summary>
    internal static int WorkFactorOf(string ageFile)
    {
        byte[] bytes = File.ReadAllBytes(ageFile);
        using var stream = new MemoryStream(bytes);
        AgeHeaderInfo info = AgeEncryption.Inspect(stream);
        Assert.That(info.StanzaTypes, Is.EqualTo(new[] { ScryptRecipient.StanzaType }));
        string header = Encoding.ASCII.GetString(bytes, 0, info.HeaderLength);
        string stanza = header.Split('\n').Single(l => l.StartsWith("-> scrypt ", StringComparison.Ordinal));
        return int.Parse(stanza.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
