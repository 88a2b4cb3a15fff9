using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Portal;

/// <summary>
/// A linux-x64 publish tree of the portal for install.sh --from, made once per test run. When src/Portal exists it
/// is the real `dotnet publish` (minutes of CPU, so only once); until the portal branch is merged it is a small
/// fake tree of the same shape (an executable whistle-portal and a wwwroot/).
/// </summary>
internal static class PortalPublish
{
    private static readonly Lazy<string> Dir = new(Make, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => Dir.Value;

    public static bool IsReal { get; private set; }

    private static string Make()
    {
        var dir = Directory.CreateTempSubdirectory("whistlesubmit-portal-publish-").FullName;
        var project = Directory.Exists(Repo.PathOf("src", "Portal"))
            ? Directory.EnumerateFiles(Repo.PathOf("src", "Portal"), "*.csproj").FirstOrDefault()
            : null;
        if (project is not null)
        {
            var result = Run.Program("dotnet",
                ["publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:DebugType=none", "-nologo", "-v", "quiet", "-o", dir],
                TimeSpan.FromMinutes(15));
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            IsReal = true;
            return dir;
        }

        File.WriteAllText(System.IO.Path.Combine(dir, "whistle-portal"), "#!/bin/sh\necho 'fake whistle-portal'\n");
        File.SetUnixFileMode(System.IO.Path.Combine(dir, "whistle-portal"), (UnixFileMode)Convert.ToInt32("755", 8));
        Directory.CreateDirectory(System.IO.Path.Combine(dir, "wwwroot"));
        File.WriteAllText(System.IO.Path.Combine(dir, "wwwroot", "app.js"), "// fake bundle\n");
        File.WriteAllText(System.IO.Path.Combine(dir, "appsettings.json"), "{}\n");
        return dir;
    }
}
