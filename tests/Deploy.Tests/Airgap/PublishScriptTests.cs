using WhistleSubmit.Deploy.Tests.Support;

namespace WhistleSubmit.Deploy.Tests.Airgap;

/// <summary>
/// deploy/airgap/publish.sh, run once for the fixture (a self-contained single-file publish costs about a minute of
/// CPU), then the binary is run the way the air-gapped machine runs it: no .NET anywhere it can find.
/// </summary>
[TestFixture]
public sealed class PublishScriptTests
{
    // publish.sh writes into _out/publish alone; everything the tests make (homes, keys) goes beside it.
    private TempDirectory _out = null!;
    private ProcessResult _publish = null!;

    private string PublishDir => _out.Combine("publish");

    private string Binary => Path.Combine(PublishDir, "whistle-review");

    [OneTimeSetUp]
    public void Publish()
    {
        _out = new TempDirectory();
        _publish = Run.Program("bash", [Path.Combine(Repo.Deploy, "airgap", "publish.sh"), PublishDir], TimeSpan.FromMinutes(15));
    }

    [OneTimeTearDown]
    public void CleanUp() => _out.Dispose();

    /// <summary>Runs the binary with an empty PATH, no DOTNET_* variables and a fresh HOME.</summary>
    private ProcessResult RunOffline(params string[] args)
    {
        var home = _out.Combine("home-" + Guid.NewGuid().ToString("N"));
        var emptyBin = _out.Combine("empty-bin");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(emptyBin);
        return Run.Program(Binary, args, TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["PATH"] = emptyBin, ["HOME"] = home, ["LANG"] = "C" },
            clearEnvironment: true, workingDirectory: home);
    }

    [Test]
    public void Publish_Output_SingleExecutableAndItsSha256()
    {
        Assert.That(_publish.ExitCode, Is.Zero, _publish.ToString());
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
        Assume.That(_publish.ExitCode, Is.Zero, _publish.ToString());

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
        Assume.That(_publish.ExitCode, Is.Zero, _publish.ToString());
        var key = _out.Combine("keygen-" + Guid.NewGuid().ToString("N") + ".txt");

        var result = RunOffline("age", "keygen", "-o", key);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(File.ReadAllText(key), Does.Contain("AGE-SECRET-KEY-1"));
        var recipient = Run.Program("age-keygen", ["-y", key]);
        Assert.That(recipient.ExitCode, Is.Zero, recipient.ToString());
        Assert.That(recipient.StdOut.Trim(), Does.StartWith("age1"));
    }
}
