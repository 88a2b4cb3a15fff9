using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Import;

[TestFixture]
public sealed class ImportProgressBarTests
{
    [Test]
    public void Import_OnATerminal_DrawsAProgressBarToTheEnd()
    {
        if (!PtySession.IsAvailable)
        {
            Assert.Ignore("needs util-linux script on Linux");
        }

        using TestVault vault = TestVault.WithKey();
        var scenario = new ImportedScenario(ImportedScenario.RecipientOf(vault));
        string bundle = vault.Directory.Write("scenario.wsbundle", scenario.Bundle);
        using PtySession terminal = PtySession.Start(vault.Directory.Path, ["--data", vault.Root, "--as", TestVault.Actor, "import", bundle]);

        terminal.WaitFor("Vault passphrase:");
        terminal.Type(TestVault.Passphrase + "\r");
        int exit = terminal.WaitForExit();

        Assert.That(exit, Is.Zero, terminal.Screen);
        Assert.That(terminal.Screen, Does.Contain("item 4/4").And.Contain("100%").And.Contain("Imported 4 new items"));
        Assert.That(terminal.Screen, Does.Match(@"checking the bundle \((\d+) KiB of \1 KiB\)"), "the verification pass has its own bar");
        Assert.That(terminal.Screen, Does.Not.Contain("item 1 of 4:"), "no plain lines on a terminal");
    }
}
