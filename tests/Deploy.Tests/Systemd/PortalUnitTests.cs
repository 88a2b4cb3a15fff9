using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Systemd;

[TestFixture]
public sealed class PortalUnitTests
{
    private static readonly string UnitPath = Path.Combine(Repo.Deploy, "systemd", "whistlesubmit-portal.service");

    private static IEnumerable<string> UnitFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repo.Deploy, "systemd"), "*.service")
            .Concat(Directory.EnumerateFiles(Path.Combine(Repo.Deploy, "systemd"), "*.timer"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    [TestCase("ProtectSystem", "strict")]
    [TestCase("ProtectHome", "yes")]
    [TestCase("PrivateTmp", "yes")]
    [TestCase("PrivateDevices", "yes")]
    [TestCase("NoNewPrivileges", "yes")]
    [TestCase("RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX")]
    [TestCase("CapabilityBoundingSet", "")]
    [TestCase("AmbientCapabilities", "")]
    [TestCase("SystemCallArchitectures", "native")]
    [TestCase("ReadWritePaths", "/var/lib/whistlesubmit")]
    [TestCase("ProtectKernelTunables", "yes")]
    [TestCase("ProtectKernelModules", "yes")]
    [TestCase("ProtectKernelLogs", "yes")]
    [TestCase("ProtectControlGroups", "yes")]
    [TestCase("ProtectClock", "yes")]
    [TestCase("ProtectHostname", "yes")]
    [TestCase("RestrictNamespaces", "yes")]
    [TestCase("RestrictRealtime", "yes")]
    [TestCase("RestrictSUIDSGID", "yes")]
    [TestCase("LockPersonality", "yes")]
    [TestCase("UMask", "0077")]
    [TestCase("IPAddressDeny", "any")]
    [TestCase("IPAddressAllow", "localhost")]
    [TestCase("StandardOutput", "journal")]
    [TestCase("LimitCORE", "0")]
    [TestCase("Restart", "on-failure")]
    [TestCase("RestartPreventExitStatus", "2")]
    [TestCase("User", "whistlesubmit")]
    [TestCase("EnvironmentFile", "/etc/whistlesubmit/portal.env")]
    [TestCase("Environment", "DOTNET_EnableDiagnostics=0")]
    public void PortalUnit_HardeningDirective_HasExactlyThisValue(string key, string value)
    {
        var unit = new UnitFile(UnitPath);

        Assert.That(unit.Values("Service", key), Is.EqualTo(new[] { value }));
    }

    [Test]
    public void PortalUnit_SystemCallFilter_SystemServiceSetOnly()
    {
        var unit = new UnitFile(UnitPath);

        Assert.That(unit.Values("Service", "SystemCallFilter"), Does.Contain("@system-service"));
        Assert.That(unit.Values("Service", "SystemCallFilter").Where(v => !v.StartsWith('~')), Is.EqualTo(new[] { "@system-service" }));
    }

    [Test]
    public void PortalUnit_MemoryDenyWriteExecute_OffBecauseTheJitNeedsIt()
    {
        var unit = new UnitFile(UnitPath);

        Assert.That(unit.Values("Service", "MemoryDenyWriteExecute"), Is.EqualTo(new[] { "no" }));
        Assert.That(File.ReadAllText(UnitPath), Does.Contain("JIT"));
    }

    [Test]
    public void PortalUnit_NoWritablePathBesidesData_NoCapabilityOrLogFileDirective()
    {
        var unit = new UnitFile(UnitPath);

        Assert.That(unit.Values("Service", "ReadWriteDirectories"), Is.Empty);
        Assert.That(unit.Values("Service", "LogsDirectory"), Is.Empty);
        Assert.That(unit.Values("Service", "CacheDirectory"), Is.Empty);
        Assert.That(unit.Values("Service", "StandardError"), Is.EqualTo(new[] { "journal" }));
    }

    [Test]
    public void PortalEnv_Listener_IsThePortTorForwardsTo()
    {
        // The portal always binds 127.0.0.1 (src/Portal/Security/KestrelHardeningExtensions.cs); only the port is set.
        var env = File.ReadAllLines(Path.Combine(Repo.Deploy, "portal", "portal.env"))
            .Where(l => l.StartsWith("Portal__Port=", StringComparison.Ordinal))
            .ToList();

        Assert.That(env, Is.EqualTo(new[] { "Portal__Port=5080" }));
    }

    [Test]
    public void PortalEnv_SourcedByShell_SameValuesSystemdReads()
    {
        // The file serves two readers: systemd's EnvironmentFile= and `set -a; . portal.env` in the whistle-portal
        // helper. Both strip the double quotes; a value with spaces must be quoted for the shell.
        var env = Path.Combine(Repo.Deploy, "portal", "portal.env");

        var result = Run.Program("bash", ["-c", "set -a; . \"$1\"; printf '%s|%s|%s' \"$PORTAL_ARGS\" \"$Portal__Production\" \"$Portal__DataDirectory\"", "env", env]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdOut, Is.EqualTo("--data /var/lib/whistlesubmit --production true|true|/var/lib/whistlesubmit"));
        Assert.That(File.ReadAllLines(env).Where(l => l.Length > 0 && !l.StartsWith('#')),
            Has.All.Match("^[A-Za-z_][A-Za-z0-9_]*=(\"[^\"]*\"|[^ \"]*)$"));
    }

    [TestCaseSource(nameof(UnitFiles))]
    public void SystemdAnalyzeVerify_UnitWithStubProgram_ReportsNothing(string name)
    {
        // systemd-analyze verify insists that ExecStart's program exists and is executable, and the portal is not
        // installed on the test machine: verify a copy whose /opt/whistlesubmit paths point into a temp tree
        // holding a stub program. Everything else in the unit is checked as written.
        using var dir = new TempDirectory();
        var stub = dir.Combine("opt", "whistlesubmit", "portal", "whistle-portal");
        Directory.CreateDirectory(Path.GetDirectoryName(stub)!);
        File.WriteAllText(stub, "#!/bin/sh\nexit 0\n");
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var copy = dir.Combine(name);
        File.WriteAllText(copy, File.ReadAllText(Path.Combine(Repo.Deploy, "systemd", name))
            .Replace("ExecStart=/opt/whistlesubmit", "ExecStart=" + dir.Combine("opt", "whistlesubmit"), StringComparison.Ordinal));

        var result = Run.Program("systemd-analyze", ["verify", "--man=no", copy]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Output, Does.Not.Contain(name), "systemd-analyze warned about the unit");
    }

    [Test]
    public void SystemdAnalyzeSecurity_PortalUnit_ExposureAtMostTwo()
    {
        using var dir = new TempDirectory();
        var copy = dir.Combine("whistlesubmit-portal.service");
        File.Copy(UnitPath, copy);

        // --threshold is in tenths: 20 = "2.0 OK"; the unit scores 1.2 today.
        var result = Run.Program("systemd-analyze", ["security", "--offline=yes", "--threshold=20", copy]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
