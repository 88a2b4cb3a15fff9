namespace WhistleSubmit.Crypto.Tests.Interop;

/// <summary>
/// Locates the repository and the external tools the interop tests run. A missing tool is a failure, not a skip:
/// interop with Debian's age and npm age-encryption is a requirement (docs/FORMATS.md#age-encryption).
/// </summary>
internal static class InteropEnvironment
{
    private const string SetupHint =
        "run tests/run.sh, which installs Debian's age, node/npm and runs npm ci in src/Portal/ClientApp";

    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ClientAppDirectory => Path.Combine(RepoRoot, "src", "Portal", "ClientApp");

    public static string InteropScript => Path.Combine(ClientAppDirectory, "tools", "interop.mjs");

    /// <summary>Full path of age (or age-keygen, script); fails the test when it is not installed.</summary>
    public static string RequireTool(string name)
    {
        string? path = FindOnPath(name);
        if (path is null)
        {
            Assert.Fail($"'{name}' is not on PATH: {SetupHint}.");
        }

        return path!;
    }

    /// <summary>Full path of node; fails the test unless the ClientApp's node_modules are installed.</summary>
    public static string RequireNode()
    {
        string node = RequireTool("node");
        if (!Directory.Exists(Path.Combine(ClientAppDirectory, "node_modules", "age-encryption")))
        {
            Assert.Fail($"src/Portal/ClientApp/node_modules is missing: {SetupHint}.");
        }

        return node;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WhistleSubmit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("WhistleSubmit.sln not found above the test directory");
    }

    private static string? FindOnPath(string name)
    {
        string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }
}
