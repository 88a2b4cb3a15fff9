namespace WhistleSubmit.Docs.Tests;

[TestFixture]
public sealed class AnchorsTests
{
    [TestCase("Emergency procedure", "emergency-procedure")]
    [TestCase("Portal: source side", "portal-source-side")]
    [TestCase("age-encryption in the browser", "age-encryption-in-the-browser")]
    [TestCase("`report.json` v1", "reportjson-v1")]
    [TestCase("[Bundle](#bundle) format", "bundle-format")]
    [TestCase("Terminal UI packages", "terminal-ui-packages")]
    public void For_Heading_GivesGitHubsAnchor(string heading, string anchor)
    {
        Assert.That(Anchors.For(heading), Is.EqualTo(anchor));
    }

    [Test]
    public void In_RepeatedHeading_NumbersTheRepeats()
    {
        Assert.That(Anchors.In("# A\n## Limits\n### Limits ###\n## Limits\n"), Is.EquivalentTo(new[] { "a", "limits", "limits-1", "limits-2" }));
    }
}
