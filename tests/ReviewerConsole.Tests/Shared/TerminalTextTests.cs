using WhistleSubmit.ReviewerConsole.Shared;

namespace WhistleSubmit.ReviewerConsole.Tests.Shared;

[TestFixture]
public sealed class TerminalTextTests
{
    [TestCase("a\u001b[31mb", "a\uFFFD[31mb", Description = "CSI escape (C0)")]
    [TestCase("a\u009bb", "a\uFFFDb", Description = "8-bit CSI (C1)")]
    [TestCase("abc\u202Etxt.exe", "abc\uFFFDtxt.exe", Description = "right-to-left override")]
    [TestCase("x\u007f", "x\uFFFD", Description = "DEL")]
    public void Block_ControlAndFormatCharacters_AreReplaced(string input, string expected)
    {
        Assert.That(TerminalText.Block(input), Is.EqualTo(expected));
    }

    [Test]
    public void Block_NewlinesKeptCarriageReturnsDropped()
    {
        Assert.That(TerminalText.Block("one\r\ntwo\tthree"), Is.EqualTo("one\ntwo    three"));
    }

    [Test]
    public void Line_LongText_IsCutWithEllipsisOnOneLine()
    {
        Assert.That(TerminalText.Line("first line\nsecond line", 15), Is.EqualTo("first line sec…"));
    }

    [Test]
    public void Line_CutInsideSurrogatePair_KeepsTheStringWellFormed()
    {
        string result = TerminalText.Line("abcd\U0001F600efgh", 6);

        Assert.That(result, Is.EqualTo("abcd…"));
    }
}
