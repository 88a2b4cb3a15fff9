using System.Net;
using System.Net.Sockets;

namespace WhistleSubmit.Portal.Tests.Configuration;

/// <summary>
/// Every way the real server can fail to start ends the same way: exactly one <c>whistle-portal: error:</c> line, a
/// hint, exit code 2, and no unhandled exception (before, a taken port aborted the process with a stack trace from a
/// background service cancelled during shutdown).
/// </summary>
public class StartupFailureProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private string scratch = null!;

    [SetUp]
    public void SetUp() => scratch = Directory.CreateTempSubdirectory("whistle-startup-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(scratch, recursive: true);

    [Test]
    public void Start_SourcePortTaken_OneErrorLineAndExitTwo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        var result = Start(Data, "--port", Port(taken), "--transfer-port", "0");

        AssertOneStartupError(result, "cannot listen");
        Assert.That(result.StdErr, Does.Contain("127.0.0.1:" + Port(taken)).And.Contain("--port"));
    }

    [Test]
    public void Start_TransferPortTaken_OneErrorLineAndExitTwo()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        var result = Start(Data, "--port", "0", "--transfer-port", Port(taken));

        AssertOneStartupError(result, "cannot listen");
    }

    [Test]
    public void Start_DataDirectoryUnderAFile_OneErrorLineAndExitTwo()
    {
        string file = Path.Combine(scratch, "a-file");
        File.WriteAllText(file, "not a directory");

        var result = Start(Path.Combine(file, "data"), "--port", "0", "--transfer-port", "0");

        AssertOneStartupError(result, "data");
    }

    [Test]
    public async Task Start_StoreHeldByARunningPortal_OneErrorLineAndExitTwo()
    {
        using var first = await PortalServer.StartAsync(
            PortalServer.StartInfo(["--data", Data, "--port", "0", "--transfer-port", "0"]), Timeout);

        var result = Start(Data, "--port", "0", "--transfer-port", "0");

        AssertOneStartupError(result, "in use by another process");
    }

    [Test]
    public void Start_ProductionWithoutKeys_OneErrorLineAndExitTwo()
    {
        var result = Start(Data, "--production", "true", "--port", "0", "--transfer-port", "0");

        AssertOneStartupError(result, "production mode");
    }

    [Test]
    public void Start_ContentRootThatIsNoDirectory_OneErrorLineAndExitTwo()
    {
        var result = Start(Data, "--contentRoot=" + Path.Combine(scratch, "missing"), "--port", "0", "--transfer-port", "0");

        AssertOneStartupError(result, "content root must be an existing directory");
    }

    [Test]
    public void Start_ContentRootGiven_ItsSettingsAreRead()
    {
        // Honoured, not ignored (before, the program's own directory won silently): its appsettings.json asks for
        // production mode, which this data directory cannot satisfy.
        string root = Directory.CreateDirectory(Path.Combine(scratch, "root")).FullName;
        File.WriteAllText(Path.Combine(root, "appsettings.json"), """{ "Portal": { "Production": true } }""");

        var result = Start(Data, "--contentRoot=" + root, "--port", "0", "--transfer-port", "0");

        AssertOneStartupError(result, "production mode");
    }

    [Test]
    public void Start_RightsTextWithHtml_OneErrorLineAndExitTwo()
    {
        Directory.CreateDirectory(Data);
        File.WriteAllText(Path.Combine(Data, "rights.es.txt"), "# Derechos\n\n## Sección\n<script>alert(1)</script>\n");

        var result = Start(Data, "--port", "0", "--transfer-port", "0");

        AssertOneStartupError(result, "rights.es.txt");
        Assert.That(result.StdErr, Does.Contain("line 4").And.Not.Contain("alert"));
    }

    private string Data => Path.Combine(scratch, "data");

    private static string Port(TcpListener listener) =>
        ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertOneStartupError(ProcessResult result, string expected)
    {
        string[] errors = [.. result.StdErr.Split('\n').Where(l => l.StartsWith("whistle-portal: error:", StringComparison.Ordinal))];
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(errors, Has.Length.EqualTo(1), result.ToString());
        Assert.That(errors[0], Does.Contain(expected));
        Assert.That(result.StdErr.TrimEnd().Split('\n')[^1], Does.StartWith("whistle-portal: hint:"));
        Assert.That(result.StdErr + result.StdOut, Does.Not.Contain("Unhandled exception").And.Not.Contain("BackgroundService failed"));
        Assert.That(result.StdOut, Does.Not.Contain("[FTL]"));
    }

    // A server that starts by mistake never exits: the timeout turns that into a failure.
    private ProcessResult Start(string data, params string[] args) => ProcessRunner.Run(
        PortalServer.Dotnet,
        [Path.Combine(AppContext.BaseDirectory, PortalServer.Dll), "--data", data, .. args],
        new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = null, [PortalServer.WebRootVariable] = PortalServer.WebRoot() },
        workingDirectory: scratch,
        timeout: Timeout);
}
