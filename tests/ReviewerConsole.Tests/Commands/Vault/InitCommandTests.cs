using System.Text.Json;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Vault;

[TestFixture]
public sealed class InitCommandTests
{
    [Test]
    public void Init_NewDirectory_CreatesOwnerOnlyVaultWithArgon2Parameters()
    {
        using var vault = new TestVault();

        CliResult result = vault.Run("init", "--kdf-memory", "19");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.Contain("Created a vault in " + vault.Root));
        Assert.That(File.Exists(Path.Combine(vault.Root, "store", "store.db")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(vault.Root, "keys")) && Directory.Exists(Path.Combine(vault.Root, "evidence")), Is.True);
        Assert.That(FileModes.Of(vault.Root), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(FileModes.Of(Path.Combine(vault.Root, "vault.json")), Is.EqualTo(FileModes.OwnerOnly));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(vault.Root, "vault.json")));
        JsonElement kdf = json.RootElement.GetProperty("kdf");
        Assert.That(json.RootElement.GetProperty("v").GetInt32(), Is.EqualTo(1));
        Assert.That(kdf.GetProperty("name").GetString(), Is.EqualTo("argon2id"));
        Assert.That(kdf.GetProperty("memoryKiB").GetInt32(), Is.EqualTo(19 * 1024));
        Assert.That(kdf.GetProperty("iterations").GetInt32(), Is.EqualTo(3));
        Assert.That(kdf.GetProperty("parallelism").GetInt32(), Is.EqualTo(2));
        Assert.That(File.ReadAllText(Path.Combine(vault.Root, "vault.json")), Does.Not.Contain(TestVault.Passphrase));
    }

    [Test]
    public void Init_WithData_NextHintNamesTheSameVault()
    {
        using var vault = new TestVault();

        CliResult result = vault.Run("init", "--kdf-memory", "19");

        Assert.That(result.StdoutText, Does.Contain($"Next: create your key with 'whistle-review --data {vault.Root} keygen --name NAME'."), result.ToString());
    }

    [Test]
    public void Init_ShortPassphraseOnTerminal_RefusedBeforeTheConfirmation()
    {
        Assume.That(PtySession.IsAvailable, "needs util-linux script");
        using var vault = new TestVault();

        using PtySession session = PtySession.Start(vault.Directory.Path, ["--data", vault.Root, "init", "--kdf-memory", "19"]);
        session.WaitFor("Enter passphrase:");
        session.Type("too short\r");
        int exitCode = session.WaitForExit();

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(session.Screen, Does.Contain("the passphrase is too short").And.Not.Contain("Confirm passphrase"));
    }

    [Test]
    public void Init_ExistingVault_RefusesAndChangesNothing()
    {
        using TestVault vault = TestVault.Initialized();
        var before = vault.Snapshot();

        CliResult result = vault.Run("init", "--kdf-memory", "19");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: a vault already exists in"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Init_NonEmptyDirectory_Refuses()
    {
        using var vault = new TestVault();
        Directory.CreateDirectory(vault.Root);
        File.WriteAllText(Path.Combine(vault.Root, "notes.txt"), "mine");

        CliResult result = vault.Run("init", "--kdf-memory", "19");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("is not empty"));
        Assert.That(Directory.GetFileSystemEntries(vault.Root), Has.Length.EqualTo(1));
    }

    [Test]
    public void Init_ShortPassphrase_RefusesWithMinimumLength()
    {
        using var vault = new TestVault();
        string shortFile = vault.Directory.Write("short.txt", "too short\n");

        CliResult result = vault.RunWith(shortFile, "init", "--kdf-memory", "19");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: the passphrase is too short (at least 12 characters)"));
        Assert.That(result.Stderr, Does.Contain("whistle-review: hint:"));
        Assert.That(Directory.Exists(vault.Root), Is.False);
    }

    [TestCase("18", Description = "below the OWASP floor")]
    [TestCase("5000", Description = "above the sanity ceiling")]
    public void Init_KdfMemoryOutOfRange_Refuses(string mib)
    {
        using var vault = new TestVault();

        CliResult result = vault.Run("init", "--kdf-memory", mib);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: --kdf-memory must be between 19 and 4096 MiB"));
        Assert.That(Directory.Exists(vault.Root), Is.False);
    }

    [Test]
    public void Init_DefaultDataDirectory_UsesXdgDataHome()
    {
        using var vault = new TestVault();
        string xdg = vault.Directory.File("xdg");
        var result = WhistleReview.Run(vault.Directory.Path, ["init", "--kdf-memory", "19"], null, vault.PassphraseFile,
            new Dictionary<string, string> { ["XDG_DATA_HOME"] = xdg });

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.Exists(Path.Combine(xdg, "whistle-review", "vault.json")), Is.True);
    }
}
