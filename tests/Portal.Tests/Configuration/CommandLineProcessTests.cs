namespace WhistleSubmit.Portal.Tests.Configuration;

/// <summary>
/// whistle-portal's command line, run as an operator would from a scratch working directory: help and mistakes never
/// start a server nor create anything there (before, each of these started a demo portal and wrote ./data).
/// </summary>
public class CommandLineProcessTests
{
    // A server that starts by mistake never exits: the timeout turns that into a failure.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private string workingDirectory = null!;

    [SetUp]
    public void SetUp() => workingDirectory = Directory.CreateTempSubdirectory("whistle-cli-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(workingDirectory, recursive: true);

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public void Help_PrintsUsageAndExitsZero_WithoutServingOrWriting(string help)
    {
        var result = Run(help);

        Assert.That(result.ExitCode, Is.Zero, result.StdErr);
        Assert.That(result.StdOut, Does.Contain("Usage:").And.Contain("export").And.Contain("--production"));
        Assert.That(result.StdOut, Does.Not.Contain("Now listening"));
        Assert.That(Directory.EnumerateFileSystemEntries(workingDirectory), Is.Empty);
    }

    [TestCase("export")]
    [TestCase("confirm")]
    [TestCase("reviewer")]
    [TestCase("recipients")]
    public void Help_OfEveryVerb_PrintsItsUsage(string verb)
    {
        var result = Run(verb, "--help");

        Assert.That(result.ExitCode, Is.Zero, result.StdErr);
        Assert.That(result.StdOut, Does.Contain("Usage:").And.Contain(verb));
        Assert.That(Directory.EnumerateFileSystemEntries(workingDirectory), Is.Empty);
    }

    [TestCase("'export'", "exprot", "--out", "x")]
    [TestCase("'--production'", "--prodution", "true")]
    [TestCase("'add'", "reviewer", "ad", "ana")]
    public void Typo_IsRefusedWithTheNearestName_AndCreatesNothing(string nearest, params string[] args)
    {
        var result = Run(args);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:").And.Contain($"did you mean {nearest}?"));
        Assert.That(result.StdOut, Does.Not.Contain("Now listening"));
        Assert.That(Directory.EnumerateFileSystemEntries(workingDirectory), Is.Empty);
    }

    [Test]
    public void Production_WithoutValue_IsAClearError()
    {
        var result = Run("--production");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:").And.Contain("--production"));
        Assert.That(result.StdErr, Does.Not.Contain("Unhandled exception"));
        Assert.That(Directory.EnumerateFileSystemEntries(workingDirectory), Is.Empty);
    }

    [TestCase("--Portal:Prodution=true")]
    [TestCase("--production=")]
    [TestCase("--Portal:Production=")]
    [TestCase("--Kestrel:Endpoints:Any:Url=http://0.0.0.0:8080")]
    [TestCase("--urls=http://0.0.0.0:8080")]
    [TestCase("--webroot=/tmp")]
    public void Setting_TypoEmptyOrOutsideThePortals_IsRefusedAndCreatesNothing(string setting)
    {
        var result = Run(setting);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:"));
        Assert.That(result.StdOut, Does.Not.Contain("Now listening"));
        Assert.That(Directory.EnumerateFileSystemEntries(workingDirectory), Is.Empty);
    }

    [Test]
    public void Production_SettingLaterOnTheLine_DoesNotTurnItOff()
    {
        var result = ProcessRunner.Run(
            PortalServer.Dotnet,
            [Path.Combine(AppContext.BaseDirectory, PortalServer.Dll), "--production", "true", "--Portal:Production=false"],
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_URLS"] = null,
                ["Portal__DataDirectory"] = null,
                ["Portal__Port"] = "0",
                ["Portal__TransferPort"] = "0",
                [PortalServer.WebRootVariable] = PortalServer.WebRoot(),
            },
            workingDirectory: workingDirectory,
            timeout: Timeout);

        Assert.That(result.ExitCode, Is.Not.Zero, result.ToString());
        Assert.That(result.StdErr, Does.Contain("production mode and no team public key"));
        Assert.That(Directory.EnumerateFiles(workingDirectory, "demo-*.txt", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Verb_WithAServerSetting_IsRefused()
    {
        var result = Run("status", "--Portal:DataDirectory=elsewhere");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.StdErr, Does.Contain("a verb does not take it"));
        Assert.That(Directory.EnumerateFileSystemEntries(workingDirectory), Is.Empty);
    }

    private ProcessResult Run(params string[] args) => ProcessRunner.Run(
        PortalServer.Dotnet,
        [Path.Combine(AppContext.BaseDirectory, PortalServer.Dll), .. args],
        new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = null,
            ["Portal__DataDirectory"] = null,
            ["Portal__Port"] = "0",
            ["Portal__TransferPort"] = "0",
        },
        workingDirectory: workingDirectory,
        timeout: Timeout);
}
