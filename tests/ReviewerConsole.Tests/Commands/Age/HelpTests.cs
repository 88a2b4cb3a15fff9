using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Age;

[TestFixture]
public sealed class HelpTests
{
    [Test]
    public void RootHelp_Always_ListsAgeGroup()
    {
        CliResult result = WhistleReview.Run(TestContext.CurrentContext.WorkDirectory, "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.StdoutText, Does.Match(@"(?m)^\s+age\s+Encrypt, decrypt and create keys"));
        Assert.That(result.StdoutText, Does.Contain("Exit status"));
    }

    [TestCase("keygen", "--pq")]
    [TestCase("encrypt", "--recipients-file")]
    [TestCase("decrypt", "--identity")]
    public void VerbHelp_Always_DocumentsOptionsAndExitStatus(string verb, string option)
    {
        CliResult result = WhistleReview.Run(TestContext.CurrentContext.WorkDirectory, "age", verb, "--help");

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.StdoutText, Does.Contain(option));
        Assert.That(result.StdoutText, Does.Contain("Exit status: 0 on success, 1 on any error."));
    }

    [Test]
    public void UnknownOption_Always_ReportsAgeStyleErrorWithHint()
    {
        CliResult result = WhistleReview.Run(TestContext.CurrentContext.WorkDirectory, "age", "decrypt", "--bogus", "a", "b");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: "));
        Assert.That(result.Stderr, Does.Contain("whistle-review: hint: run 'whistle-review age decrypt --help' for usage"));
        Assert.That(result.Stdout, Is.Empty);
    }
}
