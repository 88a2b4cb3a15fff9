namespace WhistleSubmit.Docs.Tests;

/// <summary>
/// The checker itself, on a small repository of its own with planted dangling references. The references are written
/// with a "{docs}" placeholder so that the scan of this very file does not report them.
/// </summary>
[TestFixture]
public sealed class DocReferenceCheckerTests
{
    private string root = null!;
    private DocReferenceChecker checker = null!;

    [SetUp]
    public void SetUp()
    {
        root = Directory.CreateTempSubdirectory("docs-tests-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "docs"));
        File.WriteAllText(Path.Combine(root, "docs", "FORMATS.md"), "# Formats\n\n## Bundle\n\n```\n## Not a heading\n```\n");
        File.WriteAllText(Path.Combine(root, "README.md"), "# Readme\n");
        Directory.CreateDirectory(Path.Combine(root, "src", "Crypto"));
        File.WriteAllText(Path.Combine(root, "src", "Crypto", "A.cs"), "// A\n");
        checker = new DocReferenceChecker(root);
    }

    [TearDown]
    public void TearDown() => Directory.Delete(root, recursive: true);

    [TestCase("// see {docs}FORMATS.md#bundle.")]
    [TestCase("// see {docs}FORMATS.md, and {docs}FORMATS.md#formats")]
    [TestCase("[formats]({docs}FORMATS.md#bundle)")]
    public void CheckReferences_FileAndHeadingExist_ReportsNothing(string text)
    {
        Assert.That(checker.CheckReferences("src/A.cs", Planted(text)), Is.Empty);
    }

    [TestCase("// see {docs}FORMATS.md#bundles", Description = "no such heading")]
    [TestCase("// see {docs}FORMATS.md#not-a-heading", Description = "a heading inside a code block does not count")]
    [TestCase("// see {docs}NOPE.md", Description = "no such file")]
    [TestCase("// see {docs}NOPE.md#bundle", Description = "no such file, whatever the anchor")]
    public void CheckReferences_DanglingReference_ReportsIt(string text)
    {
        var problems = checker.CheckReferences("src/A.cs", "line one\n" + Planted(text)).ToList();

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("src/A.cs:2: "));
    }

    [TestCase("DESIGN", "src/A.cs")]
    [TestCase("TOOLCHAIN", "src/A.cs")]
    [TestCase("PORTAL", "src/A.cs")]
    [TestCase("DESIGN", "{docs}FORMATS.md")]
    public void CheckRetiredNames_Mentioned_ReportsIt(string name, string path)
    {
        Assert.That(checker.CheckRetiredNames(Planted(path), $"(see {name}.md \"Store\")"), Has.Exactly(1).Items);
    }

    [TestCase("src/A.cs", "see {docs}{PORTAL}.md#store")]
    [TestCase("{docs}FORMATS.md", "[{PORTAL}.md]({PORTAL}.md#limits)")]
    public void CheckRetiredNames_TheNewPortalDoc_IsNotReported(string path, string text)
    {
        Assert.That(checker.CheckRetiredNames(Planted(path), Planted(text)), Is.Empty);
    }

    [TestCase("[x](FORMATS.md#bundle)")]
    [TestCase("[x](../README.md)")]
    [TestCase("[x](#formats)")]
    [TestCase("[x](https://age-encryption.org/v1)")]
    [TestCase("`[x](missing.md)` in code")]
    public void CheckLinks_ResolvingLink_ReportsNothing(string markdown)
    {
        Assert.That(checker.CheckLinks("docs/FORMATS.md", Planted(markdown)), Is.Empty);
    }

    [TestCase("[x](MISSING.md)")]
    [TestCase("[x](FORMATS.md#missing)")]
    [TestCase("[x](#missing)")]
    [TestCase("[x](../SECURITY.md)")]
    public void CheckLinks_DanglingLink_ReportsIt(string markdown)
    {
        Assert.That(checker.CheckLinks("docs/FORMATS.md", Planted(markdown)), Has.Exactly(1).Items);
    }

    [TestCase("`{src}Crypto`, `{src}Crypto/A.cs` and `{src}Crypto/<id>.age`")]
    public void CheckPaths_ExistingOrPlaceholder_ReportsNothing(string markdown)
    {
        Assert.That(checker.CheckPaths("docs/FORMATS.md", Planted(markdown)), Is.Empty);
    }

    [TestCase("`{src}Crypto/B.cs`")]
    [TestCase("`{tests}Crypto.Tests`")]
    public void CheckPaths_Missing_ReportsIt(string markdown)
    {
        Assert.That(checker.CheckPaths("docs/FORMATS.md", Planted(markdown)), Has.Exactly(1).Items);
    }

    private static string Planted(string text) =>
        text.Replace("{docs}", "docs/", StringComparison.Ordinal).Replace("{PORTAL}", "PORTAL", StringComparison.Ordinal)
            .Replace("{src}", "src/", StringComparison.Ordinal).Replace("{tests}", "tests/", StringComparison.Ordinal);
}
