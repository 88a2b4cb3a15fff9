using System.Text;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Vault;

/// <summary>Issue 14: a vault key file's key line is found in its bytes, without decoding the file into a string.</summary>
public class KeyFileTextTests
{
    [TestCase("# created: 2026-12-07\n# public key: age1pq1x\nAGE-SECRET-KEY-PQ-1ABC\n", "AGE-SECRET-KEY-PQ-1ABC")]
    [TestCase("# c\r\nKEY\r\n", "KEY")]
    [TestCase("KEY", "KEY")]
    [TestCase("\n\n# only a comment\nKEY\n\n", "KEY")]
    public void SingleKeyLine_OneKeyLine_ThatLineWithoutItsEnd(string text, string expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);

        Range? line = KeyFileText.SingleKeyLine(bytes);

        Assert.That(line, Is.Not.Null);
        Assert.That(Encoding.ASCII.GetString(bytes.AsSpan(line!.Value)), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("# only comments\n# and more\n")]
    [TestCase("KEY1\nKEY2\n")]
    public void SingleKeyLine_NoneOrTwo_Null(string text) =>
        Assert.That(KeyFileText.SingleKeyLine(Encoding.ASCII.GetBytes(text)), Is.Null);
}
