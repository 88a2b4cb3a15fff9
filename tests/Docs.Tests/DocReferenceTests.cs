namespace WhistleSubmit.Docs.Tests;

/// <summary>
/// Every reference to the design docs resolves (issue 11): code, tests, scripts and Markdown cite
/// <c>docs/{FILE}.md#{anchor}</c>, and the file and the heading exist; the design files docs/ replaced are cited nowhere;
/// relative links in docs/, README.md and SECURITY.md resolve; the source and test files docs/ names exist.
/// </summary>
[TestFixture]
public sealed class DocReferenceTests
{
    private static readonly string[] LinkedMarkdown = ["README.md", "SECURITY.md"];

    private static readonly DocReferenceChecker Checker = new(Repository.Root);

    [TestCase("docs/ARCHITECTURE.md")]
    [TestCase("docs/FORMATS.md")]
    [TestCase("docs/PORTAL.md")]
    [TestCase("docs/CONSOLE.md")]
    [TestCase("docs/DEVELOPMENT.md")]
    public void Docs_EachPart_Exists(string path)
    {
        Assert.That(File.Exists(Path.Combine(Repository.Root, path)), Is.True, path);
    }

    [Test]
    public void References_AnywhereInTheRepository_NameAnExistingFileAndHeading()
    {
        var problems = Repository.TextFiles().SelectMany(f => Checker.CheckReferences(f, Repository.Read(f))).ToList();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void RetiredDesignFiles_AnywhereInTheRepository_AreNotCited()
    {
        var problems = Repository.TextFiles().SelectMany(f => Checker.CheckRetiredNames(f, Repository.Read(f))).ToList();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void RepositoryPaths_NamedInDocs_Exist()
    {
        var problems = DocsFiles().SelectMany(f => Checker.CheckPaths(f, Repository.Read(f))).ToList();

        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void RelativeLinks_InDocsReadmeAndSecurity_Resolve()
    {
        var problems = DocsFiles().Concat(LinkedMarkdown).SelectMany(f => Checker.CheckLinks(f, Repository.Read(f))).ToList();

        Assert.That(problems, Is.Empty);
    }

    private static IEnumerable<string> DocsFiles() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f));
}
