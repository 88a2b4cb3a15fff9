using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Tui;

/// <summary>
/// Two holders join a shared vault at the real prompts (no names or files given up front), as they would at the
/// air-gapped machine, and the terminal UI opens naming them; a wrong passphrase is named and opens nothing.
/// </summary>
[TestFixture]
public sealed class SharedVaultTuiTests
{
    [Test]
    public void Tui_TwoHoldersTypeInTurn_OpensAndNamesThem()
    {
        if (!TmuxSession.IsAvailable)
        {
            Assert.Ignore("tmux is not installed (apt-get install -y tmux).");
        }

        using SharedVault vault = SharedVault.Initialized();
        using TmuxSession tui = TmuxSession.Start(vault.Vault.Directory.Path, Command(vault));

        Join(tui, 1, "cy");
        Join(tui, 2, "ana");
        string screen = tui.WaitFor(s => s.Contains("F10 Quit", StringComparison.Ordinal), "the case list");
        Assert.That(screen, Does.Contain("Cases (opened by cy+ana)"));
        Assert.That(screen, Does.Not.Contain(SharedVault.PassphraseOf("cy")).And.Not.Contain(SharedVault.PassphraseOf("ana")));
        tui.SendKeys("F10");
        tui.WaitForExit();

        Assert.That(vault.Audit().Where(e => e.Action == "vault.open").Select(e => e.Details),
            Has.Some.EqualTo("holders cy, ana (2 of 3, 2 needed)"));
    }

    [Test]
    public void Tui_SecondHolderMistypes_NamesThemAndOpensNothing()
    {
        if (!TmuxSession.IsAvailable)
        {
            Assert.Ignore("tmux is not installed (apt-get install -y tmux).");
        }

        using SharedVault vault = SharedVault.Initialized();
        IReadOnlyDictionary<string, string> before = vault.Vault.Snapshot();
        using TmuxSession tui = TmuxSession.Start(vault.Vault.Directory.Path, Command(vault) + "; echo exit=$?; sleep 60");

        Join(tui, 1, "ben");
        tui.WaitFor(s => s.Contains("Share holder 2 of 2", StringComparison.Ordinal), "the second holder's turn");
        tui.Type("ana");
        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains("Passphrase of ana:", StringComparison.Ordinal), "ana's passphrase prompt");
        tui.Type(SharedVault.PassphraseOf("ben"));
        tui.SendKeys("Enter");

        string screen = tui.WaitFor(s => s.Contains("exit=", StringComparison.Ordinal), "the refusal");
        Assert.That(screen, Does.Contain("whistle-review: error: wrong passphrase for ana"));
        Assert.That(screen, Does.Contain("exit=2"));
        Assert.That(vault.Vault.Snapshot(), Is.EqualTo(before));
    }

    private static void Join(TmuxSession tui, int turn, string holder)
    {
        tui.WaitFor(s => s.Contains($"Share holder {turn} of 2 (ana, ben, cy), your name:", StringComparison.Ordinal), $"holder {turn}'s turn");
        tui.Type(holder);
        tui.SendKeys("Enter");
        tui.WaitFor(s => s.Contains($"Passphrase of {holder}:", StringComparison.Ordinal), $"{holder}'s passphrase prompt");
        tui.Type(SharedVault.PassphraseOf(holder));
        tui.SendKeys("Enter");
    }

    // No WHISTLE_REVIEW_HOLDERS nor passphrase files: each holder answers the prompts.
    private static string Command(SharedVault vault) => string.Join(' ', "env -u WHISTLE_REVIEW_PASSPHRASE_FILE -u WHISTLE_REVIEW_HOLDERS",
        Quote(WhistleReview.DotnetHost), Quote(WhistleReview.DllPath), "--data", Quote(vault.Root), "--as", TestVault.Actor, "tui");

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
