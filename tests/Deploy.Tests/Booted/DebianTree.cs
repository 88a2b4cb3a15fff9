using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Booted;

/// <summary>
/// The pristine Debian 12 tree the booted tests copy (debian-tree.sh: debootstrap once per machine, cached under
/// /var/cache/whistlesubmit). A machine where it cannot be built fails the test with debian-tree.sh's reason: a
/// booted-service test that silently passed without booting would prove nothing.
/// </summary>
internal static class DebianTree
{
    private static readonly Lazy<string> Tree = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Tree.Value;

    public static string Script => Repo.PathOf("tests", "Deploy.Tests", "Booted", "debian-tree.sh");

    private static string Make()
    {
        foreach (string tool in new[] { "/usr/sbin/debootstrap", "/usr/bin/systemd-nspawn", "/usr/bin/nsenter" })
        {
            if (!File.Exists(tool))
            {
                Assert.Fail($"{tool} is missing: the booted-service tests need debootstrap, systemd-container and util-linux (tests/run.sh installs them)");
            }
        }

        var result = Run.Program("bash", [Script], TimeSpan.FromMinutes(30));
        if (result.ExitCode != 0)
        {
            Assert.Fail("the Debian tree for the booted tests could not be built: " + result.StdErr);
        }

        return result.StdOut.Trim();
    }
}
