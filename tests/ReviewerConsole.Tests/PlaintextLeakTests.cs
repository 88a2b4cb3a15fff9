using System.Text;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests;

/// <summary>
/// docs/ARCHITECTURE.md#invariants, 6: plaintext leaves the vault only through explicit exports. Runs the everyday verbs with HOME
/// and TMPDIR inside a scratch directory, then searches every file there (vault included: its store is encrypted and
/// its evidence is ciphertext) for the canary strings the reports, notes and replies carry.
/// </summary>
[TestFixture]
public sealed class PlaintextLeakTests
{
    private const string NoteCanary = "CANARY-NOTE-LEAK-41f0";
    private const string ReplyCanary = "CANARY-REPLY-LEAK-8e2b";

    [Test]
    public void EverydayVerbs_WriteNoPlaintextOutsideExports()
    {
        using TestVault vault = TestVault.WithKey();
        foreach (string name in new[] { "home", "tmp", "xdg-cache", "xdg-config" })
        {
            Directory.CreateDirectory(vault.Directory.File(name));
        }

        vault.Environment["HOME"] = vault.Directory.File("home");
        vault.Environment["TMPDIR"] = vault.Directory.File("tmp");
        vault.Environment["XDG_CACHE_HOME"] = vault.Directory.File("xdg-cache");
        vault.Environment["XDG_CONFIG_HOME"] = vault.Directory.File("xdg-config");
        var scenario = new ImportedScenario(ImportedScenario.RecipientOf(vault));
        string bundle = vault.Directory.Write("in.wsbundle", scenario.Bundle);

        vault.Succeed("import", bundle);
        vault.Succeed("list");
        vault.Succeed("list", "--json", "--search", "handcuffed");
        string id = CaseLookup.CaseA(vault);
        vault.Succeed("show", id);
        vault.Succeed("show", id, "--json");
        vault.Succeed("triage", id, "--status", "investigating", "--severity", "5", "--tag", "force");
        vault.Succeed("note", id, NoteCanary);
        vault.Succeed("reply", id, "--text", ReplyCanary);
        vault.Succeed("export-replies", "--out", vault.Directory.File("out.wsbundle"));
        vault.Succeed("audit", "verify");

        string[] canaries = [ImportedScenario.CanaryA, ImportedScenario.CanaryFollowup, ImportedScenario.CanaryC, NoteCanary, ReplyCanary, "handcuffed"];
        Assert.That(FilesContaining(vault.Directory.Path, canaries), Is.Empty);

        // The search can find plaintext: after an explicit export it does.
        vault.Succeed("files", id, "--export", vault.Directory.File("exported"));
        Assert.That(FilesContaining(vault.Directory.Path, canaries), Has.Some.StartsWith(vault.Directory.File("exported")));
    }

    private static List<string> FilesContaining(string root, string[] canaries)
    {
        var needles = canaries.SelectMany(c => new[] { Encoding.UTF8.GetBytes(c), Encoding.Unicode.GetBytes(c) }).ToList();
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => new FileInfo(path).LinkTarget is null)
            .Where(path =>
            {
                byte[] bytes = File.ReadAllBytes(path);
                return needles.Any(n => bytes.AsSpan().IndexOf(n) >= 0);
            })];
    }
}
