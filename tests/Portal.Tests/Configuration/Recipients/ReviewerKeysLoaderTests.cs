using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;

namespace WhistleSubmit.Portal.Tests.Configuration.Recipients;

public class ReviewerKeysLoaderTests
{
    private string dataDirectory = null!;

    [SetUp]
    public void SetUp() => dataDirectory = Path.Combine(Directory.CreateTempSubdirectory("whistle-keys-").FullName, "data");

    [TearDown]
    public void TearDown() => Directory.Delete(Path.GetDirectoryName(dataDirectory)!, recursive: true);

    private PortalOptions Options(bool production = false) => new() { DataDirectory = dataDirectory, Production = production };

    [Test]
    public void Load_ProductionWithoutRecipients_RefusesAndCreatesNoKey()
    {
        var error = Assert.Throws<PortalStartupException>(() => ReviewerKeysLoader.Load(Options(production: true), TimeProvider.System));

        Assert.That(error!.Message, Does.Contain("production"));
        Assert.That(Directory.EnumerateFiles(dataDirectory, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void Load_ProductionWithOnlyCommentsInRecipients_Refuses()
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Options().RecipientsFile, "# nobody yet\n");

        Assert.That(() => ReviewerKeysLoader.Load(Options(production: true), TimeProvider.System), Throws.InstanceOf<PortalStartupException>());
    }

    [Test]
    public void Load_ProductionWithRecipients_UsesThem()
    {
        Directory.CreateDirectory(dataDirectory);
        string recipient = TestKeys.WriteRecipientsFile(dataDirectory, "Legal");

        var keys = ReviewerKeysLoader.Load(Options(production: true), TimeProvider.System);

        Assert.That(keys.IsDemo, Is.False);
        Assert.That(keys.Keys.Single().Recipient, Is.EqualTo(recipient));
    }

    [Test]
    [Platform("Linux,MacOsX")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Load_DemoWithoutRecipients_CreatesPrivateIdentityFile()
    {
        var keys = ReviewerKeysLoader.Load(Options(), TimeProvider.System);
        string path = Options().DemoIdentityFile;

        Assert.That(keys.IsDemo, Is.True);
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(dataDirectory), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
    }

    [Test]
    public void Load_DemoWithoutRecipients_WritesAgeKeygenFormat()
    {
        var keys = ReviewerKeysLoader.Load(Options(), TimeProvider.System);
        string[] lines = File.ReadAllLines(Options().DemoIdentityFile);

        Assert.That(lines[0], Does.Match(@"^# created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        Assert.That(lines[1], Is.EqualTo($"# public key: {keys.Keys.Single().Recipient}"));
        Assert.That(lines.Where(l => !l.StartsWith('#')).Single(), Does.StartWith("AGE-SECRET-KEY-PQ-1"));
    }

    [Test]
    public void Load_DemoSecondStart_ReusesTheSameIdentity()
    {
        var first = ReviewerKeysLoader.Load(Options(), TimeProvider.System);
        string before = File.ReadAllText(Options().DemoIdentityFile);

        var second = ReviewerKeysLoader.Load(Options(), TimeProvider.System);

        Assert.That(second.Keys.Single().Fingerprint, Is.EqualTo(first.Keys.Single().Fingerprint));
        Assert.That(File.ReadAllText(Options().DemoIdentityFile), Is.EqualTo(before));
    }

    [Test]
    public void Load_DemoIdentityWithoutPublicKeyLine_Refuses()
    {
        Directory.CreateDirectory(dataDirectory);
        File.WriteAllText(Options().DemoIdentityFile, "# created: 2025-01-01T00:00:00Z\n");

        Assert.That(() => ReviewerKeysLoader.Load(Options(), TimeProvider.System), Throws.InstanceOf<PortalStartupException>());
    }

    [Test]
    public void Load_DemoWithRecipients_NotDemoAndNoIdentityFile()
    {
        Directory.CreateDirectory(dataDirectory);
        TestKeys.WriteRecipientsFile(dataDirectory, "Legal");

        var keys = ReviewerKeysLoader.Load(Options(), TimeProvider.System);

        Assert.That(keys.IsDemo, Is.False);
        Assert.That(File.Exists(Options().DemoIdentityFile), Is.False);
    }
}
