using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Portal;

[TestFixture]
public sealed class InstallScriptTests
{
    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8);

    private static string Owner(string path) =>
        Run.Program("stat", ["-c", "%u:%g", path]).StdOut.Trim();

    [SetUp]
    public void SetUp() => Run.RequireRoot();

    [Test]
    public void Install_ThrowawayRoot_CompletesWithUserProgramConfigUnitAndTorrc()
    {
        using var root = new ThrowawayRoot();

        var result = root.Install(PortalPublish.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var user = root.User("whistlesubmit");
        Assert.That(user, Is.Not.Null);
        var passwd = File.ReadAllLines(root.Combine("etc", "passwd")).Single(l => l.StartsWith("whistlesubmit:", StringComparison.Ordinal));
        Assert.That(passwd, Does.EndWith(":/nonexistent:/usr/sbin/nologin"));
        Assert.That(user!.Value.Uid, Is.LessThan(1000), "a system user");
        var ids = $"{user.Value.Uid}:{user.Value.Gid}";

        Assert.That(File.Exists(root.Combine("opt", "whistlesubmit", "portal", "whistle-portal")), Is.True);
        Assert.That(Mode(root.Combine("opt", "whistlesubmit", "portal", "whistle-portal")), Is.EqualTo("755"));
        Assert.That(Owner(root.Combine("opt", "whistlesubmit", "portal", "whistle-portal")), Is.EqualTo("0:0"), "the service cannot change its own code");
        Assert.That(Mode(root.Combine("var", "lib", "whistlesubmit")), Is.EqualTo("700"));
        Assert.That(Owner(root.Combine("var", "lib", "whistlesubmit")), Is.EqualTo(ids));
        Assert.That(Mode(root.Combine("etc", "whistlesubmit", "portal.env")), Is.EqualTo("640"));
        Assert.That(File.ReadAllText(root.Combine("etc", "whistlesubmit", "portal.env")),
            Is.EqualTo(File.ReadAllText(Path.Combine(Repo.Deploy, "portal", "portal.env"))));
        Assert.That(File.ReadAllText(root.Combine("etc", "systemd", "system", "whistlesubmit-portal.service")),
            Is.EqualTo(File.ReadAllText(Path.Combine(Repo.Deploy, "systemd", "whistlesubmit-portal.service"))));
        Assert.That(File.ReadAllText(root.Combine("etc", "tor", "torrc")),
            Is.EqualTo(File.ReadAllText(Path.Combine(Repo.Deploy, "tor", "torrc"))));
        Assert.That(File.Exists(root.Combine("etc", "systemd", "journald.conf.d", "whistlesubmit.conf")), Is.True);
        Assert.That(File.Exists(root.Combine("usr", "local", "sbin", "whistle-portal")), Is.True);
        foreach (var tool in new[] { "backup.sh", "restore.sh", "add-reviewer-client.sh" })
        {
            Assert.That(Mode(root.Combine("opt", "whistlesubmit", "bin", tool)), Is.EqualTo("755"), tool);
        }

        Assert.That(result.StdOut, Does.Contain("Sources' address").And.Contain("transfer address"));
    }

    [Test]
    public void Install_SecondRun_ChangesNothing()
    {
        using var root = new ThrowawayRoot();
        Assert.That(root.Install(PortalPublish.Path).ExitCode, Is.Zero);
        var before = root.Snapshot();

        var again = root.Install(PortalPublish.Path);

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(root.Snapshot(), Is.EqualTo(before));
        Assert.That(again.StdOut, Does.Not.Contain("  wrote ").And.Not.Contain("  created ").And.Contain("unchanged"));
    }

    [Test]
    public void Install_EditedConfigAndNewProgram_KeepsConfigReplacesProgram()
    {
        using var root = new ThrowawayRoot();
        using var from = new TempDirectory();
        Run.Program("cp", ["-R", PortalPublish.Path + "/.", from.Path]);
        Assert.That(root.Install(from.Path).ExitCode, Is.Zero);
        var env = root.Combine("etc", "whistlesubmit", "portal.env");
        File.AppendAllText(env, "Portal__Operator=edited\n");
        File.WriteAllText(from.Combine("wwwroot", "new.js"), "// v2\n");

        var update = root.Install(from.Path);

        Assert.That(update.ExitCode, Is.Zero, update.ToString());
        Assert.That(File.ReadAllText(env), Does.EndWith("Portal__Operator=edited\n"));
        Assert.That(update.StdOut, Does.Contain("kept as it is"));
        Assert.That(File.ReadAllText(root.Combine("opt", "whistlesubmit", "portal", "wwwroot", "new.js")), Is.EqualTo("// v2\n"));
        Assert.That(Directory.EnumerateFileSystemEntries(root.Combine("opt", "whistlesubmit")).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "portal", "bin", "README.md" }), "no staging leftovers");
    }

    [Test]
    public void Install_FromDirWithoutProgram_FailsBeforeInstallingIt()
    {
        using var root = new ThrowawayRoot();
        using var empty = new TempDirectory();

        var result = root.Install(empty.Path);

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StdErr, Does.Contain("whistle-portal is missing"));
        Assert.That(Directory.Exists(root.Combine("opt", "whistlesubmit", "portal")), Is.False);
    }

    [Test]
    public void Install_Unit_RunsTheInstalledProgramWithTheInstalledConfig()
    {
        using var root = new ThrowawayRoot();
        Assert.That(root.Install(PortalPublish.Path).ExitCode, Is.Zero);
        var unit = new Systemd.UnitFile(root.Combine("etc", "systemd", "system", "whistlesubmit-portal.service"));

        var program = unit.Values("Service", "ExecStart").Single().Split(' ')[0];
        var envFile = unit.Values("Service", "EnvironmentFile").Single();

        Assert.That(File.GetUnixFileMode(root.Path + program) & UnixFileMode.OtherExecute, Is.EqualTo(UnixFileMode.OtherExecute));
        Assert.That(File.Exists(root.Path + envFile), Is.True);
        Assert.That(File.ReadAllText(root.Path + envFile), Does.Contain("PORTAL_ARGS="));
        Assert.That(unit.Values("Service", "ExecStart").Single(), Does.EndWith("$PORTAL_ARGS"));
    }
}
