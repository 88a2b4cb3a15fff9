using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands;

[TestFixture]
public sealed class CliTests
{
    [Test]
    public void MistypedVerb_SaysUnknownAndSuggestsTheNearest()
    {
        using var dir = new TempDirectory();

        CliResult result = WhistleReview.Run(dir.Path, "imprt", "x.wsbundle");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: unknown verb \"imprt\"\nwhistle-review: hint: did you mean 'import'?"));
        Assert.That(result.Stderr, Does.Not.Contain("Required command"));
    }

    [Test]
    public void StatsHelp_HoldsTheSuppressionRulesAndNoSourcePath()
    {
        using var dir = new TempDirectory();

        CliResult result = WhistleReview.Run(dir.Path, "stats", "--help");

        Assert.That(result.StdoutText, Does.Not.Contain("src/").And.Contain("Suppression rules").And.Contain("smallest first"));
    }
}
