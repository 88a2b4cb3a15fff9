using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Portal;

/// <summary>
/// The real linux-x64 self-contained publish of src/Portal, for install.sh --from: made once per test run because it
/// costs about a minute of CPU.
/// </summary>
internal static class PortalPublish
{
    private static readonly Lazy<string> Dir = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Dir.Value;

    private static string Make()
    {
        var dir = Directory.CreateTempSubdirectory("whistlesubmit-portal-publish-").FullName;
        var project = Repo.PathOf("src", "Portal", "Portal.csproj");
        var result = Run.Program("dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:DebugType=none", "-nologo", "-v", "quiet", "-o", dir],
            TimeSpan.FromMinutes(15));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return dir;
    }
}
