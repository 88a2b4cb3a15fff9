using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Airgap;

/// <summary>
/// deploy/airgap/publish.sh, run once for the fixture (a self-contained single-file publish costs about a minute of
/// CPU), then the binary is run the way the air-gapped machine runs it: no .NET anywhere it can find.
/// </summary>
[TestFixture]
public sealed class PublishScriptTests
{
    // publish.sh writes into output/publish alone; everything the tests make (homes, keys) goes beside it.
    private TempDirectory output = null!;
    private ProcessResult publish = null!;

    private string PublishDir => output.Combine("publish");

    private string Binary => Path.Combine(PublishDir, "whistle-review");

    [OneTimeSetUp]
    public void Publish()
    {
        output = new TempDirectory();
        publish = Run.Program("bash", [Path.Combine(Repo.Deploy, "airgap", "publish.sh"), PublishDir], TimeSpan.FromMinutes(15));
    }

    [OneTimeTearDown]
    public void CleanUp() => output.Dispose();

    /// <summary>Runs the binary with an empty PATH, no DOTNET_* variables and a fresh HOME.</summary>
    private ProcessResult RunOffline(params string[] args)
    {
        var home = output.Combine("home-" + Guid.NewGuid().ToString("N"));
        var emptyBin = output.Combine("empty-bin");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(emptyBin);
        return Run.Program(Binary, args, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["PATH"] = emptyBin, ["HOME"] = home, ["LANG"] = "C" },
            clearEnvironment: true, workingDirectory: home);
    }

    [Test]
    public void Publish_Output_SingleExecutableAndItsSha256()
    {
        Assert.That(publish.ExitCode, Is.Zero, publish.ToString());
        Assert.That(Directory.GetFiles(PublishDir).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "whistle-review", "whistle-review.sha256" }));
        Assert.That(File.GetUnixFileMode(Binary) & UnixFileMode.OtherExecute, Is.EqualTo(UnixFileMode.OtherExecute));

        var check = Run.Program("sha256sum", ["--check", "--strict", "whistle-review.sha256"], workingDirectory: PublishDir);

        Assert.That(check.ExitCode, Is.Zero, check.ToString());
        Assert.That(File.ReadAllText(Path.Combine(PublishDir, "whistle-review.sha256")), Does.Match("^[0-9a-f]{64}  whistle-review\n$"));
    }

    [Test]
    public void Binary_WithoutDotnet_RunsHelp()
    {
        Assume.That(publish.ExitCode, Is.Zero, publish.ToString());

        var result = RunOffline("--help");

        // Whatever the console prints, the .NET host must not be what answers (no "install .NET", no hostfxr).
        Assert.That(result.Output, Does.Not.Contain("install .NET").And.Not.Contain("hostfxr").And.Not.Contain("DOTNET_ROOT"));
        Assert.That(result.Output.Trim(), Is.Not.Empty);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdOut, Does.Contain("age"));
    }

    [Test]
    public void Binary_WithoutDotnet_AgeKeygenWritesAnIdentityDebiansAgeReads()
    {
        Assume.That(publish.ExitCode, Is.Zero, publish.ToString());
        var key = output.Combine("keygen-" + Guid.NewGuid().ToString("N") + ".txt");

        var result = RunOffline("age", "keygen", "-o", key);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllText(key), Does.Contain("AGE-SECRET-KEY-1"));
        var recipient = Run.Program("age-keygen", ["-y", key]);
        Assert.That(recipient.ExitCode, Is.Zero, recipient.ToString());
        Assert.That(recipient.StdOut.Trim(), Does.StartWith("age1"));
    }
}
