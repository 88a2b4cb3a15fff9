using WhistleSubmit.ReviewerConsole.Redaction;

namespace WhistleSubmit.ReviewerConsole.Tests.Redaction;

[TestFixture]
public sealed class TextMatcherTests
{
    [TestCase("Ask José Núñez.", "jose nunez", "José Núñez")]
    [TestCase("Ask JOSE NUNEZ.", "José Núñez", "JOSE NUNEZ")]
    [TestCase("Ask Jose\u0301 Nun\u0303ez.", "jose nunez", "Jose\u0301 Nun\u0303ez")]
    [TestCase("Ask Jo\u200Bse Nunez.", "jose nunez", "Jo\u200Bse Nunez")]
    [TestCase("Ask \uFF2A\uFF4F\uFF53\uFF45 Nunez.", "jose nunez", "\uFF2A\uFF4F\uFF53\uFF45 Nunez")]
    [TestCase("Ask Jose \u202ENunez.", "jose nunez", "Jose \u202ENunez")]
    public void FindAll_Variants_FindsTheWholeVariant(string text, string needle, string expected)
    {
        IReadOnlyList<Range> found = TextMatcher.FindAll(text, needle);

        Assert.That(found, Has.Count.EqualTo(1));
        Assert.That(text[found[0]], Is.EqualTo(expected));
    }

    [Test]
    public void FindAll_SeveralAndOverlapping_FindsEach()
    {
        Assert.That(TextMatcher.FindAll("aaaa", "aa").Select(r => r.Start.Value), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(TextMatcher.FindAll("x Bob y BOB z", "bob").Select(r => r.Start.Value), Is.EqualTo(new[] { 2, 8 }));
    }

    [Test]
    public void FindAll_Absent_FindsNothing()
    {
        Assert.That(TextMatcher.FindAll("Jane Roe", "John"), Is.Empty);
        Assert.That(TextMatcher.FindAll("Jane Roe", "\u200B"), Is.Empty, "a needle of invisible characters matches nothing");
    }

    [Test]
    public void FindAll_AstralCharacters_KeepsSurrogatePairsWhole()
    {
        string text = "a \U0001F600Bob\U0001F600 b";

        IReadOnlyList<Range> found = TextMatcher.FindAll(text, "\U0001F600bob\U0001F600");

        Assert.That(text[found.Single()], Is.EqualTo("\U0001F600Bob\U0001F600"));
    }
}
