using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Features.Rights;
using WhistleSubmit.Portal.Localization;

namespace WhistleSubmit.Portal.Tests.Features.Rights;

/// <summary>Which text each language serves, and the operator files that stop the portal before it listens.</summary>
public class RightsTextsTests
{
    private TempDirectory data = null!;

    [SetUp]
    public void SetUp() => data = new TempDirectory("whistle-rights-");

    [TearDown]
    public void TearDown() => data.Dispose();

    private PortalOptions Options => new() { DataDirectory = data.Path };

    [Test]
    public void Load_NoOperatorFiles_ServesTheBuiltInTexts()
    {
        var texts = RightsTexts.Load(Options);

        Assert.That(texts.FromOperator, Is.Empty);
        Assert.That(texts.For(EnglishText.Instance).Title, Is.EqualTo("Your rights, before you write"));
        Assert.That(texts.For(SpanishText.Instance).Title, Is.EqualTo("Sus derechos, antes de escribir"));
    }

    [Test]
    public void Load_OperatorEnglishFile_ReplacesOnlyEnglish()
    {
        File.WriteAllText(Path.Combine(data.Path, "rights.en.txt"), "# Reviewed by counsel\n## Section\nText.\n");

        var texts = RightsTexts.Load(Options);

        Assert.That(texts.FromOperator, Is.EqualTo(new[] { "en" }));
        Assert.That(texts.For(EnglishText.Instance).Title, Is.EqualTo("Reviewed by counsel"));
        Assert.That(texts.For(SpanishText.Instance).Title, Is.EqualTo("Sus derechos, antes de escribir"));
    }

    [TestCase("rights.en.txt", "# T\n## S\n<a href=\"javascript:alert(1)\">x</a>\n", "rights.en.txt in the data directory is not a valid rights text: line 3")]
    [TestCase("rights.es.txt", "", "rights.es.txt in the data directory is not a valid rights text")]
    [TestCase("rights.fr.txt", "# T\n## S\nx\n", "rights.fr.txt in the data directory is not a rights text the portal knows")]
    [TestCase("rights.EN.txt", "# T\n## S\nx\n", "rights.EN.txt in the data directory is not a rights text the portal knows")]
    public void Load_BadOperatorFile_RefusesToStart(string name, string content, string message)
    {
        File.WriteAllText(Path.Combine(data.Path, name), content);

        var error = Assert.Throws<PortalStartupException>(() => RightsTexts.Load(Options));

        Assert.That(error!.Message, Does.StartWith(message).And.Not.Contain("alert"));
        Assert.That(error.Hint, Is.Not.Empty);
    }

    [Test]
    public void Load_HugeOperatorFile_RefusedWithoutReadingItAll()
    {
        string path = Path.Combine(data.Path, "rights.es.txt");
        using (var file = File.Create(path))
        {
            file.SetLength(1L << 30);
        }

        var error = Assert.Throws<PortalStartupException>(() => RightsTexts.Load(Options));

        Assert.That(error!.Message, Does.Contain("larger than 32 KiB"));
    }
}
