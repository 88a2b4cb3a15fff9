namespace WhistleSubmit.EndToEnd.Tests.Support;

/// <summary>
/// The two real executables as copied next to the tests by the ProjectReferences: whistle-review (its verbs, with a
/// passphrase file) and whistle-portal (its admin verbs, and the server itself with a random port).
/// </summary>
internal static class Executables
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static ProcessResult Run(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRunner.Run(PortalServer.Dotnet, [Path.Combine(AppContext.BaseDirectory, dll), .. args], Environment(environment), timeout: Timeout);

    /// <summary>Runs a verb and fails the test with its stderr unless it exits 0; returns stdout.</summary>
    public static string Succeed(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var result = Run(dll, args, environment);
        Assert.That(result.ExitCode, Is.Zero, $"{Path.GetFileNameWithoutExtension(dll)} {string.Join(' ', args)}: {result.StdErr}");
        return result.StdOut;
    }

    /// <summary>Starts the portal server and returns it once it listens.</summary>
    public static Task<PortalServer> StartPortalAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment) =>
        PortalServer.StartAsync(PortalServer.StartInfo(args, Environment(environment)), TimeSpan.FromSeconds(90));

    // The caller's variables, and none of the developer's own console settings.
    private static Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string>? given)
    {
        var environment = new Dictionary<string, string?>
        {
            ["WHISTLE_REVIEW_PASSPHRASE_FILE"] = null,
            ["WHISTLE_REVIEW_AS"] = null,
            ["ASPNETCORE_URLS"] = null,
        };
        foreach (var (name, value) in given ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return environment;
    }
}
