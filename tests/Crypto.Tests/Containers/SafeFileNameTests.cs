using System.Text;
using WhistleSubmit.Crypto.Containers;

namespace WhistleSubmit.Crypto.Tests.Containers;

public class SafeFileNameTests
{
    [TestCase("report.pdf", "report.pdf")]
    [TestCase("../../etc/passwd", "passwd")]
    [TestCase("C:\\Users\\me\\Desktop\\memo.docx", "memo.docx")]
    [TestCase(".bashrc", "bashrc")]
    [TestCase("...", "file")]
    [TestCase("", "file")]
    [TestCase("dir/", "file")]
    [TestCase("a<b>c:d\"e|f?g*h.txt", "abcdefgh.txt")]
    [TestCase("tab\there\u0000.txt", "tabhere.txt")]
    [TestCase("evil\u202Etxt.exe", "eviltxt.exe")]
    [TestCase("trailing. . ", "trailing")]
    [TestCase("no\u00A0break", "nobreak")]
    [TestCase("año informe.pdf", "año informe.pdf")]
    public void Sanitize_Name_GivesSafeBasename(string original, string expected)
    {
        Assert.That(SafeFileName.Sanitize(original), Is.EqualTo(expected));
        Assert.That(SafeFileName.IsSafe(expected), Is.True);
    }

    [Test]
    public void Sanitize_LongName_FitsTheUstarNameFieldAndKeepsExtension()
    {
        string safe = SafeFileName.Sanitize(new string('é', 200) + ".pdf");

        Assert.That(Encoding.UTF8.GetByteCount(SafeFileName.EntryName(999, safe)), Is.LessThanOrEqualTo(100));
        Assert.That(safe, Does.EndWith("é.pdf"));
        Assert.That(SafeFileName.IsSafe(safe), Is.True);
    }

    [Test]
    public void Sanitize_RandomNames_AlwaysGiveSafeNames()
    {
        var random = new Random(3);
        char[] alphabet = "a./\\ .:\u0000\u202E\uD83D\uDE00\uD800é*?x\u00A0\u2028".ToCharArray();
        for (int i = 0; i < 20_000; i++)
        {
            string name = new(Enumerable.Range(0, random.Next(0, 150)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            string safe = SafeFileName.Sanitize(name);
            if (!SafeFileName.IsSafe(safe) || SafeFileName.Sanitize(safe) != safe)
            {
                Assert.Fail($"unsafe or unstable result for case {i}");
            }
        }
    }

    [TestCase("", Description = "empty")]
    [TestCase(".hidden")]
    [TestCase("name.")]
    [TestCase(" name")]
    [TestCase("a/b")]
    [TestCase("a\\b")]
    [TestCase("a\u0085b", Description = "C1 control")]
    [TestCase("a\uE000b", Description = "private use")]
    public void IsSafe_UnsafeName_ReturnsFalse(string name)
    {
        Assert.That(SafeFileName.IsSafe(name), Is.False);
    }

    [Test]
    public void IsSafe_LoneSurrogate_ReturnsFalse()
    {
        // Built at run time: a lone surrogate in an attribute argument would be stored as U+FFFD.
        string name = "a" + (char)0xD800 + "b";

        Assert.That(SafeFileName.IsSafe(name), Is.False);
    }

    [Test]
    public void IsSafe_91Bytes_ReturnsFalse()
    {
        Assert.That(SafeFileName.IsSafe(new string('a', 91)), Is.False);
        Assert.That(SafeFileName.IsSafe(new string('a', 90)), Is.True);
    }
}
