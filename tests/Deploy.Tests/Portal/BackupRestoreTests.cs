using System.Text;
using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Portal;

[TestFixture]
public sealed class BackupRestoreTests
{
    private const string Marker = "PLAINTEXT-MARKER-7f3a";

    private static readonly string Backup = Path.Combine(Repo.Deploy, "portal", "backup.sh");
    private static readonly string Restore = Path.Combine(Repo.Deploy, "portal", "restore.sh");

    [SetUp]
    public void SetUp() => Run.RequireRoot();

    /// <summary>An installed server root with a data directory, a key ring and both onion services' keys.</summary>
    private static ThrowawayRoot PopulatedServer()
    {
        var root = new ThrowawayRoot();
        Assert.That(root.Install(PortalPublish.Path).ExitCode, Is.Zero);
        Write(root.Combine("var", "lib", "whistlesubmit", "store.db"), "database " + Marker);
        Write(root.Combine("var", "lib", "whistlesubmit", "keys", "key-0c8f.xml"), "<key>" + Marker + "</key>");
        Write(root.Combine("var", "lib", "whistlesubmit", "recipients.txt"), "age1pq1example\n");
        foreach (var service in new[] { "sources", "transfer" })
        {
            Write(root.Combine("var", "lib", "tor", "whistlesubmit-" + service, "hs_ed25519_secret_key"), service + " secret");
            Write(root.Combine("var", "lib", "tor", "whistlesubmit-" + service, "hostname"), service + "aaaa.onion\n");
        }

        Write(root.Combine("var", "lib", "tor", "whistlesubmit-transfer", "authorized_clients", "alice.auth"), "descriptor:x25519:AAAA\n");
        return root;
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static (string Identity, string Recipient) NewBackupKey(TempDirectory dir)
    {
        var identity = dir.Combine("backup.key");
        Assert.That(Run.Program("age-keygen", ["-o", identity]).ExitCode, Is.Zero);
        return (identity, Run.Program("age-keygen", ["-y", identity]).StdOut.Trim());
    }

    private static string Tree(ThrowawayRoot root, string relative) =>
        Run.Program("bash", ["-c", "cd \"$1\" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum", "tree", root.Combine(relative)]).StdOut;

    [Test]
    public void BackupThenRestore_OnFreshServer_SameDataKeyRingOnionKeysAndConfig()
    {
        using var server = PopulatedServer();
        using var keys = new TempDirectory();
        var (identity, recipient) = NewBackupKey(keys);
        var archive = keys.Combine("backup.tar.age");

        var backup = Run.Bash(Backup, "--root", server.Path, "--no-services", "-r", recipient, "-o", archive);
        using var fresh = new ThrowawayRoot();
        Assert.That(fresh.Install(PortalPublish.Path).ExitCode, Is.Zero);
        var restore = Run.Bash(Restore, "--root", fresh.Path, "--no-services", "-i", identity, archive);

        Assert.That(backup.ExitCode, Is.Zero, backup.ToString());
        Assert.That(restore.ExitCode, Is.Zero, restore.ToString());
        foreach (var dir in new[] { "var/lib/whistlesubmit", "var/lib/tor/whistlesubmit-sources", "var/lib/tor/whistlesubmit-transfer" })
        {
            Assert.That(Tree(fresh, dir), Is.EqualTo(Tree(server, dir)).And.Not.Empty, dir);
        }

        var owner = fresh.User("whistlesubmit")!.Value;
        Assert.That(Run.Program("stat", ["-c", "%u:%g %a", fresh.Combine("var", "lib", "whistlesubmit", "keys", "key-0c8f.xml")]).StdOut.Trim(),
            Is.EqualTo($"{owner.Uid}:{owner.Gid} 600"));
        Assert.That(restore.StdOut, Does.Contain("Checked 9 files"));
    }

    [Test]
    public void Backup_Archive_IsAgeEncryptedWithNoPlaintextAndNoLeftovers()
    {
        using var server = PopulatedServer();
        using var keys = new TempDirectory();
        var (_, recipient) = NewBackupKey(keys);
        var archive = keys.Combine("backup.tar.age");

        var result = Run.Bash(Backup, "--root", server.Path, "--no-services", "-r", recipient, "-o", archive);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var bytes = File.ReadAllBytes(archive);
        Assert.That(Encoding.ASCII.GetString(bytes, 0, 21), Is.EqualTo("age-encryption.org/v1"));
        Assert.That(Encoding.Latin1.GetString(bytes), Does.Not.Contain(Marker).And.Not.Contain("key-0c8f"));
        Assert.That(Directory.GetFiles(keys.Path), Is.EquivalentTo(new[] { keys.Combine("backup.key"), archive }));
        Assert.That(Convert.ToString((int)File.GetUnixFileMode(archive), 8), Is.EqualTo("600"));
    }

    [Test]
    public void Backup_ExistingOutput_RefusedAndUntouched()
    {
        using var server = PopulatedServer();
        using var keys = new TempDirectory();
        var (_, recipient) = NewBackupKey(keys);
        var archive = keys.Combine("backup.tar.age");
        File.WriteAllText(archive, "older backup");

        var result = Run.Bash(Backup, "--root", server.Path, "--no-services", "-r", recipient, "-o", archive);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(File.ReadAllText(archive), Is.EqualTo("older backup"));
    }

    [Test]
    public void Restore_WrongIdentity_RefusedAndServerUnchanged()
    {
        using var server = PopulatedServer();
        using var keys = new TempDirectory();
        var (_, recipient) = NewBackupKey(keys);
        var archive = keys.Combine("backup.tar.age");
        Assert.That(Run.Bash(Backup, "--root", server.Path, "--no-services", "-r", recipient, "-o", archive).ExitCode, Is.Zero);
        using var other = new TempDirectory();
        var (wrongIdentity, _) = NewBackupKey(other);
        using var fresh = new ThrowawayRoot();
        Assert.That(fresh.Install(PortalPublish.Path).ExitCode, Is.Zero);
        var before = fresh.Snapshot(directoryTimes: false);

        var result = Run.Bash(Restore, "--root", fresh.Path, "--no-services", "-i", wrongIdentity, archive);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StdErr, Does.Contain("could not decrypt"));
        Assert.That(fresh.Snapshot(directoryTimes: false), Is.EqualTo(before));
    }

    [Test]
    public void Restore_ServerInUse_RefusedWithoutForceKeptAsideWithForce()
    {
        using var server = PopulatedServer();
        using var keys = new TempDirectory();
        var (identity, recipient) = NewBackupKey(keys);
        var archive = keys.Combine("backup.tar.age");
        Assert.That(Run.Bash(Backup, "--root", server.Path, "--no-services", "-r", recipient, "-o", archive).ExitCode, Is.Zero);
        File.WriteAllText(server.Combine("var", "lib", "whistlesubmit", "store.db"), "newer database");

        var refused = Run.Bash(Restore, "--root", server.Path, "--no-services", "-i", identity, archive);
        var forced = Run.Bash(Restore, "--root", server.Path, "--no-services", "--force", "-i", identity, archive);

        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StdErr, Does.Contain("not empty"));
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
        Assert.That(File.ReadAllText(server.Combine("var", "lib", "whistlesubmit", "store.db")), Does.Contain(Marker));
        var aside = Directory.GetDirectories(server.Combine("var", "lib"), "whistlesubmit.before-restore-*").Single();
        Assert.That(File.ReadAllText(Path.Combine(aside, "store.db")), Is.EqualTo("newer database"));
    }

    [TestCase("extra", Description = "a file the SHA-256 list does not name")]
    [TestCase("tampered", Description = "a file that does not match its hash")]
    [TestCase("outside", Description = "a file outside the backed-up paths, listed with a correct hash")]
    [TestCase("symlink", Description = "a symbolic link")]
    public void Restore_ForgedArchive_RefusedAndServerUnchanged(string forgery)
    {
        // The backup recipient is public, so anyone who knows it can write an archive: restore must not trust it.
        using var keys = new TempDirectory();
        var (identity, recipient) = NewBackupKey(keys);
        var tree = keys.Combine("tree");
        Write(Path.Combine(tree, "whistlesubmit-backup.format"), "whistlesubmit-backup 1\n");
        Write(Path.Combine(tree, "var", "lib", "whistlesubmit", "store.db"), "db");
        var list = "var/lib/whistlesubmit/store.db";
        switch (forgery)
        {
            case "extra":
                Write(Path.Combine(tree, "var", "lib", "whistlesubmit", "unlisted"), "x");
                break;
            case "outside":
                Write(Path.Combine(tree, "etc", "cron.d", "evil"), "* * * * * root sh\n");
                list += " etc/cron.d/evil";
                break;
            case "symlink":
                File.CreateSymbolicLink(Path.Combine(tree, "var", "lib", "whistlesubmit", "link"), "/etc");
                break;
        }

        Run.Program("bash", ["-c", "cd \"$1\" && sha256sum $2 > whistlesubmit-backup.sha256", "hash", tree, list]);
        if (forgery == "tampered")
        {
            File.WriteAllText(Path.Combine(tree, "var", "lib", "whistlesubmit", "store.db"), "changed");
        }

        var archive = keys.Combine("forged.tar.age");
        var pack = Run.Program("bash", ["-c", "tar -C \"$1\" -cf - . | age -r \"$2\" -o \"$3\"", "pack", tree, recipient, archive]);
        Assert.That(pack.ExitCode, Is.Zero, pack.ToString());
        using var fresh = new ThrowawayRoot();
        Assert.That(fresh.Install(PortalPublish.Path).ExitCode, Is.Zero);
        var before = fresh.Snapshot(directoryTimes: false);

        var result = Run.Bash(Restore, "--root", fresh.Path, "--no-services", "-i", identity, archive);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.StdErr, Does.Contain("refused"));
        Assert.That(fresh.Snapshot(directoryTimes: false), Is.EqualTo(before));
    }
}
