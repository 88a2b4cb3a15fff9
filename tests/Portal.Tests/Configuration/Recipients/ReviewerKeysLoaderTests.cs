using System.Text;
using WhistleSubmit.Crypto.Signing;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Configuration.Team;

namespace WhistleSubmit.Portal.Tests.Configuration.Recipients;

public class ReviewerKeysLoaderTests
{
    private string dataDirectory = null!;

    [SetUp]
    public void SetUp() => dataDirectory = Path.Combine(Directory.CreateTempSubdirectory("whistle-keys-").FullName, "data");

    [TearDown]
    public void TearDown() => Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);

    private PortalOptions Options(bool production = false) => new() { DataDirectory = dataDirectory, Production = production };

    // As the portal starts: the team key first, then the set it must verify.
    private ReviewerKeys Load(bool production = false)
    {
        var options = Options(production);
        return ReviewerKeysLoader.Load(options, PortalTeamKeyLoader.Load(options, TimeProvider.System), TimeProvider.System);
    }

    [Test]
    public void Load_ProductionWithTeamKeyButNoSet_RefusesNamingTeamPublish()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        team.WritePublicKey(dataDirectory);

        var error = Assert.Throws<PortalStartupException>(() => Load(production: true));

        Assert.That(error!.Message, Does.Contain("production mode and no signed recipient set"));
        Assert.That(error.Hint, Does.Contain("team publish").And.Contain("recipients install"));
        Assert.That(Directory.EnumerateFiles(dataDirectory, "demo-*"), Is.Empty);
    }

    [Test]
    public void Load_ProductionWithLegacyRecipientsTxtOnly_RefusesWithTheMigrationSteps()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        team.WritePublicKey(dataDirectory);
        TestKeys.WriteRecipientsFile(dataDirectory, "Legal");

        var error = Assert.Throws<PortalStartupException>(() => Load(production: true));

        Assert.That(error!.Message, Does.Contain("recipients.txt"));
        Assert.That(error.Hint, Does.Contain("team keygen").And.Contain("team publish").And.Contain("recipients install").And.Contain("delete recipients.txt"));
    }

    [Test]
    public void Load_ProductionWithSignedSet_UsesItsRecipientsAndServesItsBytes()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        string a = TestKeys.NewRecipient(), b = TestKeys.NewRecipient();
        team.Configure(dataDirectory, a, b);

        var keys = Load(production: true);

        Assert.That(keys.IsDemo, Is.False);
        Assert.That(keys.Keys.Select(k => k.Recipient), Is.EqualTo(new[] { a, b }));
        Assert.That(keys.Envelope, Is.EqualTo(File.ReadAllText(Options().SignedRecipientsFile)));
        Assert.That(RecipientSet.Open(Encoding.UTF8.GetBytes(keys.Envelope), team.PublicKey).Recipients, Is.EqualTo(new[] { a, b }));
    }

    [Test]
    public void Load_ProductionSetWithAnExtraRecipient_RefusesAsNotVerifying()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        team.Configure(dataDirectory, TestKeys.NewRecipient());
        byte[] tampered = TestTeam.WithExtraRecipient(File.ReadAllBytes(Options().SignedRecipientsFile), TestKeys.NewRecipient());
        File.WriteAllBytes(Options().SignedRecipientsFile, tampered);

        var error = Assert.Throws<PortalStartupException>(() => Load(production: true));

        Assert.That(error!.Message, Does.Contain("does not verify"));
    }

    [Test]
    public void Load_ProductionSetSignedByAnotherTeamKey_RefusesNamingBothKeys()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        using var other = new TestTeam();
        team.WritePublicKey(dataDirectory);
        File.WriteAllBytes(Options().SignedRecipientsFile, other.SignRecipients(TestKeys.NewRecipient()));

        var error = Assert.Throws<PortalStartupException>(() => Load(production: true));

        Assert.That(error!.Message, Does.Contain("another team key").And.Contain(other.PublicKey.Fingerprint).And.Contain(team.PublicKey.Fingerprint));
    }

    [Test]
    public void Load_DemoWithTeamPubButOnlyRecipientsTxt_Refuses()
    {
        Directory.CreateDirectory(dataDirectory);
        using var team = new TestTeam();
        team.WritePublicKey(dataDirectory);
        TestKeys.WriteRecipientsFile(dataDirectory, "Legal");

        Assert.That(() => Load(), Throws.InstanceOf<PortalStartupException>().With.Message.Contains("team.pub is configured"));
    }

    [Test]
    [Platform("Linux,MacOsX")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Load_DemoWithoutRecipients_CreatesPrivateIdentityFile()
    {
        var keys = Load();
        string path = Options().DemoIdentityFile;

        Assert.That(keys.IsDemo, Is.True);
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(dataDirectory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public void Load_DemoWithoutRecipients_WritesAgeKeygenFormat()
    {
        var keys = Load();
        string[] lines = File.ReadAllLines(Options().DemoIdentityFile);

        Assert.That(lines[0], Does.Match(@"^# created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(lines[1], Is.EqualTo($"# public key: {keys.Keys.Single().Recipient}"));
        Assert.That(lines.Where(l => !l.StartsWith('#')).Single(), Does.StartWith("AGE-SECRET-KEY-PQ-1"));
    }

    [Test]
    public void Load_DemoSecondStart_ReusesTheSameIdentity()
    {
        var first = Load();
        string before = File.ReadAllText(Options().DemoIdentityFile);

        var second = Load();

        Assert.That(second.Keys.Single().Fingerprint, Is.EqualTo(first.Keys.Single().Fingerprint));
        Assert.That(File.ReadAllText(Options().DemoIdentityFile), Is.EqualTo(before));
    }

    [Test]
    public void Load_DemoIdentityWithoutPublicKeyLine_Refuses()
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Options().DemoIdentityFile, "# created: 2025-01-01T00:00:00Z\n");

        Assert.That(() => Load(), Throws.InstanceOf<PortalStartupException>());
    }

    [Test]
    public void Load_DemoWithRecipients_SignedByTheDemoTeamKeyNamesKeptNoIdentityFile()
    {
        Directory.CreateDirectory(dataDirectory);
        string recipient = TestKeys.WriteRecipientsFile(dataDirectory, "Legal");

        var keys = Load();
        var team = PortalTeamKeyLoader.Load(Options(), TimeProvider.System);

        Assert.That(keys.IsDemo, Is.False);
        Assert.That(team.IsDemo, Is.True);
        Assert.That(keys.Keys.Single().Name, Is.EqualTo("Legal"));
        Assert.That(RecipientSet.Open(Encoding.UTF8.GetBytes(keys.Envelope), team.Public).Recipients, Is.EqualTo(new[] { recipient }));
        Assert.That(File.Exists(Options().DemoIdentityFile), Is.False);
    }
}
