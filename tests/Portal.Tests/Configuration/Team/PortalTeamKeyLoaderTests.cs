using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.TestSupport;

namespace WhistleSubmit.Portal.Tests.Configuration.Team;

public class PortalTeamKeyLoaderTests
{
    private string dataDirectory = null!;

    [SetUp]
    public void SetUp() => dataDirectory = Path.Combine(Directory.CreateTempSubdirectory("whistle-team-").FullName, "data");

    [TearDown]
    public void TearDown() => Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);

    private PortalOptions Options(bool production = false) => new() { DataDirectory = dataDirectory, Production = production };

    [Test]
    public void Load_ProductionWithoutTeamPub_RefusesWithHintAndCreatesNoKey()
    {
        var error = Assert.Throws<PortalStartupException>(() => PortalTeamKeyLoader.Load(Options(production: true), TimeProvider.System));

        Assert.That(error!.Message, Does.Contain("production").And.Contain("team.pub"));
        Assert.That(error.Hint, Does.Contain("team publish"));
        Assert.That(Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [TestCase("")]
    [TestCase("whistlesubmit-team-v2:AAAA\n")]
    [TestCase("age1pq1notateamkey\n")]
    public void Load_MalformedTeamPub_RefusesWithoutRepeatingIt(string text)
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Options().TeamPublicKeyFile, text);

        var error = Assert.Throws<PortalStartupException>(() => PortalTeamKeyLoader.Load(Options(production: true), TimeProvider.System));

        Assert.That(error!.Message, Does.Contain("is not a team public key"));
        Assert.That(error.Message, Does.Not.Contain("AAAA").And.Not.Contain("notateamkey"));
    }

    [Test]
    public void Load_TooLargeTeamPub_Refuses()
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Options().TeamPublicKeyFile, new string('a', 100_000));

        Assert.That(() => PortalTeamKeyLoader.Load(Options(production: true), TimeProvider.System), Throws.InstanceOf<PortalStartupException>());
    }

    [Test]
    public void Load_ProductionWithTeamPub_UsesIt()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        team.WritePublicKey(dataDirectory);

        var key = PortalTeamKeyLoader.Load(Options(production: true), TimeProvider.System);

        Assert.That(key.IsDemo, Is.False);
        Assert.That(key.Public, Is.EqualTo(team.PublicKey));
        Assert.That(File.Exists(Options().DemoTeamKeyFile), Is.False);
    }

    [Test]
    public void Load_DemoWithTeamPub_UsesItAndIsNotDemo()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        team.WritePublicKey(dataDirectory);

        var key = PortalTeamKeyLoader.Load(Options(), TimeProvider.System);

        Assert.That(key.IsDemo, Is.False);
        Assert.That(key.Public, Is.EqualTo(team.PublicKey));
    }

    [Test]
    [Platform("Linux,MacOsX")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Load_DemoWithoutTeamPub_CreatesPrivateKeyFileAndKeepsIt()
    {
        var first = PortalTeamKeyLoader.Load(Options(), TimeProvider.System);
        var second = PortalTeamKeyLoader.Load(Options(), TimeProvider.System);
        string path = Options().DemoTeamKeyFile;

        Assert.That(first.IsDemo, Is.True);
        Assert.That(second.Public, Is.EqualTo(first.Public));
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.ReadAllText(path), Does.Contain("DEMO ONLY").And.Contain(TeamSigningKey.SecretPrefix));
    }

    [Test]
    public void Load_DemoKeyFileWithoutSecret_Refuses()
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Options().DemoTeamKeyFile, "# nothing here\n");

        var error = Assert.Throws<PortalStartupException>(() => PortalTeamKeyLoader.Load(Options(), TimeProvider.System));

        Assert.That(error!.Hint, Does.Contain("Delete the file"));
    }

    [Test]
    public void Script_IsExactlyTheAssignmentOfTheKeyText()
    {
        using var team = new TestTeam();
        var key = new PortalTeamKey(team.PublicKey, isDemo: false);

        string script = System.Text.Encoding.ASCII.GetString(key.Script.Span);

        Assert.That(script, Is.EqualTo($"self.whistleTeamKey = \"{team.PublicKey.Text}\";\n"));
        Assert.That(key.Integrity, Is.EqualTo("sha384-" + Convert.ToBase64String(System.Security.Cryptography.SHA384.HashData(key.Script.Span))));
    }
}
