using System.Text.Json;

namespace WhistleSubmit.Portal.Tests.Configuration;

/// <summary>
/// A missing or partial web root stops the portal with a clear error: before, a portal without its scripts served on
/// and moved every source onto the no-JavaScript path without a word.
/// </summary>
public class WebRootProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private string scratch = null!;

    [SetUp]
    public void SetUp() => scratch = Directory.CreateTempSubdirectory("whistle-webroot-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(scratch, recursive: true);

    [Test]
    public void Start_WithoutWebRoot_Refuses()
    {
        var result = Start(Path.Combine(scratch, "no-such-wwwroot"));

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:").And.Contain("web root").And.Contain("whistle-portal: hint:"));
        Assert.That(result.StdOut, Does.Not.Contain("Now listening"));
        Assert.That(Path.Combine(scratch, "data", "demo-reviewer-identity.txt"), Does.Not.Exist);
    }

    [Test]
    public void Start_WithEmptyWebRoot_Refuses()
    {
        var result = Start(Directory.CreateDirectory(Path.Combine(scratch, "wwwroot")).FullName);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:").And.Contain("web root"));
    }

    [Test]
    public void Start_WithoutAStyleSheet_Refuses()
    {
        string root = CopyWebRoot();
        File.Delete(Path.Combine(root, "css", "transfer.css"));

        var result = Start(root);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:").And.Contain("css/transfer.css"));
    }

    [Test]
    public void Start_WithTheWorkerMissingFromTheBundle_Refuses()
    {
        string root = CopyWebRoot();
        string manifest = Path.Combine(root, "js", "manifest.json");
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))!;
        entries.Remove("worker.js");
        File.WriteAllText(manifest, JsonSerializer.Serialize(entries));
        File.Delete(Path.Combine(root, "js", "worker.js"));

        var result = Start(root);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdErr, Does.Contain("whistle-portal: error:").And.Contain("js/worker.js"));
    }

    private string CopyWebRoot()
    {
        string source = PortalServer.WebRoot();
        string target = Path.Combine(scratch, "wwwroot");
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    // A server that starts by mistake never exits: the timeout turns that into a failure.
    private ProcessResult Start(string webRoot) => ProcessRunner.Run(
        PortalServer.Dotnet,
        [Path.Combine(AppContext.BaseDirectory, PortalServer.Dll), "--data", Path.Combine(scratch, "data"), "--port", "0", "--transfer-port", "0"],
        new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = null,
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            [PortalServer.WebRootVariable] = webRoot,
        },
        workingDirectory: scratch,
        timeout: Timeout);
}
