using System.Text;
using WhistleSubmit.Portal.Features.Rights;

namespace WhistleSubmit.Portal.Tests.Features.Rights;

/// <summary>The rights page's plain-text format: the built-in texts, what it builds, and every refusal.</summary>
public class RightsTextParserTests
{
    [TestCase("en", "Your rights, before you write", "not legal advice")]
    [TestCase("es", "Sus derechos, antes de escribir", "no asesoría legal")]
    public void Parse_BuiltInText_HasTheRequiredParts(string code, string title, string notAdvice)
    {
        RightsText text = RightsTextParser.Parse(RightsTexts.BuiltIn(code));
        string all = string.Join("\n", text.Intro.Concat(text.Sections.SelectMany(s => s.Blocks)).SelectMany(b => b.Lines));

        Assert.That(text.Title, Is.EqualTo(title));
        Assert.That(text.Sections, Has.Count.EqualTo(5));
        Assert.That(all, Does.Contain(notAdvice).And.Contain("5 U.S.C. 2302(b)(8)").And.Contain("41 U.S.C. 4712")
            .And.Contain("(OSC)").And.Contain("(OIG)").And.Contain("(CRCL)").And.Contain("Congres")
            .And.Contain("Government Accountability Project").And.Contain("Whistleblower Aid").And.Contain("National Whistleblower Center")
            .And.Contain("VPN"));
    }

    [Test]
    public void Parse_EveryConstruct_BuildsTitleIntroSectionsAndLists()
    {
        string file = "\uFEFF# Title\r\n\r\nFirst & \"quoted\".\nSecond.\n\n## One\n- a\n-  b \n\n- c\nAfter.\n  ## Two  \nText.\n";

        RightsText text = RightsTextParser.Parse(Encoding.UTF8.GetBytes(file));

        Assert.That(text.Title, Is.EqualTo("Title"));
        Assert.That(text.Intro.Select(b => b.Lines[0]), Is.EqualTo(new[] { "First & \"quoted\".", "Second." }));
        Assert.That(text.Sections.Select(s => s.Heading), Is.EqualTo(new[] { "One", "Two" }));
        var one = text.Sections[0].Blocks;
        Assert.That(one.Select(b => (b.IsList, string.Join("|", b.Lines))), Is.EqualTo(new[] { (true, "a|b"), (true, "c"), (false, "After.") }));
    }

    public static IEnumerable<TestCaseData> Hostile()
    {
        TestCaseData Case(string name, string file, int line) => new TestCaseData(Encoding.UTF8.GetBytes(file), line).SetName("Parse_" + name + "_Refused");
        yield return Case("ScriptTag", "# T\n## S\n<script>alert(1)</script>\n", 3);
        yield return Case("HtmlInHeading", "# T\n## <b>S</b>\nx\n", 2);
        yield return Case("HtmlInTitle", "# <img src=x onerror=alert(1)>\n## S\nx\n", 1);
        yield return Case("ClosingAngle", "# T\n## S\n- a > b\n", 3);
        yield return Case("BidiOverride", "# T\n## S\nabc\u202Edef\n", 3);
        yield return Case("BidiIsolate", "# T\n## S\nabc\u2067def\n", 3);
        yield return Case("Tab", "# T\n## S\n\tx\n", 3);
        yield return Case("Nul", "# T\n## S\nx\0\n", 3);
        yield return Case("LoneCarriageReturn", "# T\n## S\nx\ry\n", 3);
        yield return Case("LineSeparator", "# T\n## S\nx\u2028y\n", 3);
        yield return Case("NoTitle", "Text\n## S\nx\n", 1);
        yield return Case("SecondTitle", "# T\n# U\n## S\nx\n", 2);
        yield return Case("ThirdLevelHeading", "# T\n## S\n### Deeper\nx\n", 3);
        yield return Case("EmptyHeading", "# T\n##   \nx\n", 2);
        yield return Case("EmptySection", "# T\n## S\n## R\nx\n", 2);
        yield return Case("EmptyLastSection", "# T\n## S\nx\n## R\n", 4);
        yield return Case("NoSection", "# T\nJust text.\n", 0);
        yield return Case("Empty", "\n\n", 0);
        yield return Case("LongLine", "# T\n## S\n" + new string('x', 2_001) + "\n", 3);
        yield return Case("TooManyLines", "# T\n## S\n" + string.Concat(Enumerable.Repeat("x\n", 400)), 0);
        yield return Case("TooLarge", "# T\n## S\n" + string.Concat(Enumerable.Repeat(new string('x', 1_000) + "\n", 33)), 0);
    }

    [TestCaseSource(nameof(Hostile))]
    public void Parse_Hostile_ThrowsWithTheLine(byte[] file, int line)
    {
        var error = Assert.Throws<RightsTextException>(() => RightsTextParser.Parse(file));

        Assert.That(error!.Line, Is.EqualTo(line));
        Assert.That(error.Message, Does.Not.Contain("alert").And.Not.Contain("Deeper"), "the message names the rule, not the text");
    }

    [Test]
    public void Parse_InvalidUtf8_Refused()
    {
        byte[] file = [.. "# T\n## S\n"u8, 0xC3, 0x28, (byte)'\n'];

        Assert.That(() => RightsTextParser.Parse(file), Throws.TypeOf<RightsTextException>().With.Message.Contains("UTF-8"));
    }

    [Test]
    public void Parse_AtTheLimits_Accepted()
    {
        string file = "# T\n## S\n" + string.Concat(Enumerable.Repeat(new string('x', 2_000) + "\n", 15)) + string.Concat(Enumerable.Repeat("\n", 400 - 18));

        Assert.That(Encoding.UTF8.GetByteCount(file), Is.LessThanOrEqualTo(RightsTextParser.MaxBytes));
        Assert.That(RightsTextParser.Parse(Encoding.UTF8.GetBytes(file)).Sections[0].Blocks, Has.Count.EqualTo(15));
    }
}
