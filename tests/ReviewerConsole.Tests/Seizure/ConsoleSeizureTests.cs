using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Seizure;

/// <summary>
/// Issue 14, the console's seizure test: what a seized air-gapped machine reveals outside the vault (SECURITY.md,
/// "A seized air-gapped reviewer machine", the list this test enforces). Canaries sit in a report, a follow-up, the
/// attachments' names and contents, and the values a codename derives (mailbox token and id, reply key). Each round
/// runs a real <c>import</c> and <c>files --export</c>, SIGKILLs each at a random moment, runs it again to the end,
/// and after every step walks every file and directory the console could have written outside its vault (the working
/// directory, $HOME, $TMPDIR, the XDG folders, the bundle's folder, the export folder), names and contents, in UTF-8
/// and UTF-16. Allowed: the attachments in the export folder under their export names, and, only between an
/// interrupted export and the next one, its random <c>.partial</c> files, which may hold part of an attachment.
/// </summary>
[TestFixture]
public sealed partial class ConsoleSeizureTests
{
    private const string ReportCanary = "CANARY-SEIZE-REPORT-6a1f";
    private const string FollowupCanary = "CANARY-SEIZE-FOLLOWUP-b93c";
    private const string NameCanary = "CANARY-SEIZE-NAME-2d7e";
    private const string ContentCanary = "CANARY-SEIZE-CONTENT-f04a";
    private const int Rounds = 3;
    private const int AttachmentSize = 8 * 1024 * 1024;

    [Test]
    public void ImportAndExport_KilledAtRandomMoments_LeaveNothingOutsideTheVaultButTheExports()
    {
        int seed = Environment.TickCount;
        TestContext.Out.WriteLine($"random seed {seed}");
        var random = new Random(seed);
        string codename = Codename.Generate();
        using SourceKeys source = SourceKeys.Derive(codename);
        string[] secrets =
        [
            ReportCanary, FollowupCanary, NameCanary, ContentCanary, codename, source.MailboxId,
            Convert.ToHexStringLower(source.MailboxToken), source.ReplyRecipient.ToString(),
        ];

        for (int round = 0; round < Rounds; round++)
        {
            using TestVault vault = TestVault.WithKey();
            string usb = vault.Directory.File("usb");
            string exports = vault.Directory.File("exports");
            foreach (string name in new[] { "home", "tmp", "xdg-cache", "xdg-config", "xdg-data", "xdg-state", "usb" })
            {
                Directory.CreateDirectory(vault.Directory.File(name));
            }

            vault.Environment["HOME"] = vault.Directory.File("home");
            vault.Environment["TMPDIR"] = vault.Directory.File("tmp");
            vault.Environment["XDG_CACHE_HOME"] = vault.Directory.File("xdg-cache");
            vault.Environment["XDG_CONFIG_HOME"] = vault.Directory.File("xdg-config");
            vault.Environment["XDG_DATA_HOME"] = vault.Directory.File("xdg-data");
            vault.Environment["XDG_STATE_HOME"] = vault.Directory.File("xdg-state");
            string bundle = Path.Combine(usb, "next.wsbundle");
            File.WriteAllBytes(bundle, Bundle(ImportedScenario.RecipientOf(vault), source));
            var walk = new Walk(vault, bundle, exports, secrets);

            KillAtRandom(vault, random, round, "import", bundle);
            walk.Check("after a killed import", allowPartial: false);
            vault.Succeed("import", bundle);
            walk.Check("after the import", allowPartial: false);

            string id = CaseLookup.Only(vault);
            KillAtRandom(vault, random, round, "files", id, "--export", exports);
            walk.Check("after a killed export", allowPartial: true);
            vault.Succeed("files", id, "--export", exports, "--force");
            walk.Check("after the export", allowPartial: false);
            Assert.That(walk.Exported(), Is.EquivalentTo(new[] { NameCanary + "-1.txt", NameCanary + "-2.txt" }),
                "the export folder holds the two attachments, under their names");
        }
    }

    private static void KillAtRandom(TestVault vault, Random random, int round, params string[] args)
    {
        var delay = TimeSpan.FromMilliseconds(random.Next(0, 3000));
        using var process = ConsoleProcess.Start(vault, args);
        var clock = Stopwatch.StartNew();
        process.WaitUntil(() => clock.Elapsed >= delay);
        process.Signal("KILL");
        CliResult result = process.WaitForExit();
        TestContext.Out.WriteLine($"round {round}: {args[0]} SIGKILLed after {delay.TotalMilliseconds} ms (exit {result.ExitCode})");
    }

    private static byte[] Bundle(string reviewer, SourceKeys source)
    {
        byte[][] files = [Attachment(1), Attachment(2)];
        byte[] report = Fixtures.Encrypt(Fixtures.Container(
            Fixtures.Report($"Seizure test report. {ReportCanary}", source.ReplyRecipient.ToString(),
                ($"{NameCanary}-1.txt", files[0]), ($"{NameCanary}-2.txt", files[1])),
            files), reviewer);
        byte[] followup = Fixtures.Encrypt(Fixtures.Container(new MessageV1 { Text = $"More: {FollowupCanary}", Client = Fixtures.Client }), reviewer);
        return Fixtures.Bundle(BundleEntry.Submission(source.MailboxId, report), BundleEntry.Followup(source.MailboxId, followup));
    }

    private static byte[] Attachment(int number)
    {
        byte[] line = Encoding.ASCII.GetBytes($"{ContentCanary} attachment {number}\n");
        var data = new byte[AttachmentSize];
        for (int at = 0; at < data.Length; at += line.Length)
        {
            line.AsSpan(0, Math.Min(line.Length, data.Length - at)).CopyTo(data.AsSpan(at));
        }

        return data;
    }

    [GeneratedRegex("^[0-9a-f]{32}-[0-9]{3}-(?<name>.+)$")]
    private static partial Regex ExportName();

    [GeneratedRegex(@"^\.whistle-review-export-[0-9a-f]{32}\.partial$")]
    private static partial Regex PartialName();

    /// <summary>Walks everything under the test's directory except the vault, the input bundle and the test's passphrase file.</summary>
    private sealed class Walk(TestVault vault, string bundle, string exports, string[] secrets)
    {
        private readonly List<(string Secret, byte[] Bytes)> needles =
            [.. secrets.SelectMany(s => new[] { (s, Encoding.UTF8.GetBytes(s)), (s, Encoding.Unicode.GetBytes(s)) })];

        public void Check(string when, bool allowPartial)
        {
            var found = new List<string>();
            HashSet<string> regular = RegularFiles(vault.Directory.Path);
            foreach (string path in Directory.EnumerateFileSystemEntries(vault.Directory.Path, "*", SearchOption.AllDirectories))
            {
                if (IsUnder(path, vault.Root) || path == bundle || path == vault.PassphraseFile)
                {
                    continue;
                }

                string name = Path.GetFileName(path);
                bool inExports = Path.GetDirectoryName(path) == exports;
                bool export = inExports && regular.Contains(path) && ExportName().IsMatch(name);
                bool partial = inExports && regular.Contains(path) && PartialName().IsMatch(name);
                Assert.That(!inExports || export || (allowPartial && partial), Is.True, $"{when}: unexpected file in the export folder: {name}");

                string[] nameHits = [.. secrets.Where(s => name.Contains(s, StringComparison.Ordinal))];
                if (nameHits.Length > 0 && !(export && nameHits.All(s => s == NameCanary)))
                {
                    found.Add($"{path} (name)");
                }

                // Only regular files have contents; the .NET runtime's debugger FIFOs and diagnostic socket in $TMPDIR
                // (clr-debug-pipe-PID-*, dotnet-diagnostic-PID-*) would block a read, and hold nothing.
                if (regular.Contains(path))
                {
                    byte[] bytes = File.ReadAllBytes(path);
                    string[] hits = [.. needles.Where(n => bytes.AsSpan().IndexOf(n.Bytes) >= 0).Select(n => n.Secret)];
                    // An exported attachment or an unfinished one holds attachment bytes; nothing else may hold any secret.
                    bool allowed = (export || partial) && hits.All(h => h == ContentCanary);
                    if (hits.Length > 0 && !allowed)
                    {
                        found.Add(path);
                    }
                }
            }

            Assert.That(found, Is.Empty, $"{when}: secrets outside the vault");
        }

        public IReadOnlyList<string> Exported() =>
            [.. Directory.EnumerateFiles(exports).Select(p => ExportName().Match(Path.GetFileName(p)).Groups["name"].Value)];

        private static HashSet<string> RegularFiles(string root)
        {
            using Process find = Process.Start(new ProcessStartInfo("/usr/bin/find", [root, "-type", "f"]) { RedirectStandardOutput = true })!;
            HashSet<string> files = [.. find.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)];
            find.WaitForExit();
            return files;
        }

        private static bool IsUnder(string path, string root) =>
            path == root || path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
