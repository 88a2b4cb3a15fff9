using WhistleSubmit.ReviewerConsole.Tui;

namespace WhistleSubmit.ReviewerConsole.Tests.Tui;

public sealed class HangingWrapTests
{
    [Test]
    public void Wrap_IndentedLine_ContinuationKeepsTheIndent() =>
        Assert.That(HangingWrap.Wrap("  Description:\n    one two three four five six", 16),
            Is.EqualTo("  Description:\n    one two\n    three four\n    five six"));

    [Test]
    public void Wrap_ShortLinesAndNarrowWidth_Unchanged()
    {
        Assert.That(HangingWrap.Wrap("a\n  b c\n", 40), Is.EqualTo("a\n  b c\n"));
        Assert.That(HangingWrap.Wrap("a long line that would wrap", 4), Is.EqualTo("a long line that would wrap"));
    }

    [Test]
    public void Wrap_WordLongerThanTheRoom_CutHard() =>
        Assert.That(HangingWrap.Wrap("  abcdefghijklmnop", 10), Is.EqualTo("  abcdefgh\n  ijklmnop"));

    [Test]
    public void Wrap_WideCharacters_CountTwoColumns() =>
        Assert.That(HangingWrap.Wrap("  日本語 日本語", 10), Is.EqualTo("  日本語\n  日本語"));

    [Test]
    public void Wrap_DeepIndent_ContinuesAtTheMargin() =>
        Assert.That(HangingWrap.Wrap("            aaa bbb ccc", 16), Is.EqualTo("            aaa\nbbb ccc"));
}
