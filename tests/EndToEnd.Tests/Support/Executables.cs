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

    /// <summary>
    /// A production portal's environment in these tests: the repository's web root, cheap proof of work, and a no-JS
    /// form that may be posted after one second (a person waits longer; the tests should not).
    /// </summary>
    public static Dictionary<string, string> ProductionPortalEnvironment() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ASPNETCORE_WEBROOT"] = PortalServer.WebRoot(),
        ["Portal__ProofOfWork__BaseBits"] = "4",
        ["Portal__ProofOfWork__MaxBits"] = "6",
        ["Portal__NoJs__FormTokenMinAgeSeconds"] = "1",
    };

    /// <summary>
    /// The key ceremony of protocol v2 (docs/FORMATS.md#recipient-set): the console, which already has its reviewer
    /// keys and team key, publishes the signed set into <paramref name="root"/>/published; the portal gets team.pub
    /// and installs the set. Returns what both programs printed.
    /// </summary>
    public static (string Published, string Installed) KeyCeremony(Func<string[], string> review, Func<string[], string> portal, string root, string portalData)
    {
        string published = Path.Combine(root, "published");
        string printed = review(["team", "publish", "--out", published]);
        Directory.CreateDirectory(portalData);
        File.Copy(Path.Combine(published, "team.pub"), Path.Combine(portalData, "team.pub"));
        return (printed, portal(["recipients", "install", Path.Combine(published, "recipients.signed.json")]));
    }

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
