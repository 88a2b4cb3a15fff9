using System.Diagnostics;
using System.Text;
using System.Text.Json;
using WhistleSubmit.EncryptedStore;
using WhistleSubmit.EncryptedStore.Paging;
using WhistleSubmit.EncryptedStore.Tests.Support;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Tests.Support;

namespace WhistleSubmit.ReviewerConsole.Tests.Commands.Retention;

[TestFixture]
public sealed class DestroyCommandTests
{
    private const string Reason = "retention expired, decided 2026-12-07";

    [Test]
    public void Destroy_Yes_NothingOfTheCaseLeftOnDiskRawOrDecrypted()
    {
        // Arrange: the scan finds case X in the store before, and the other cases' canaries throughout (it works).
        using TestVault vault = DestroyScenario.Copy();
        string id = DestroyScenario.CaseId[..8];
        Assert.That(DestroyScenario.Scan(vault.Root, DestroyScenario.Canaries), Is.Not.Empty);
        string store = Path.Combine(vault.Root, "store");
        byte[] oldData = File.ReadAllBytes(Path.Combine(store, DurableStore.DataFileName));
        byte[] oldLog = File.ReadAllBytes(Path.Combine(store, DurableStore.LogFileName));
        string[] evidence = [.. DestroyScenario.ItemIds.Select(i => Path.Combine(vault.Root, "evidence", i + ".age"))];
        string[] links = [.. evidence.Select((e, n) => vault.Directory.File($"evidence-link-{n}"))];
        for (int n = 0; n < evidence.Length; n++)
        {
            // A second hard link stands in for the file's disk blocks.
            using Process ln = Process.Start("ln", [evidence[n], links[n]])!;
            ln.WaitForExit();
            Assert.That(ln.ExitCode, Is.Zero);
        }

        // A redaction mark holds the marked text itself: it must go with the case.
        vault.Succeed("redact", id, "--text", DestroyScenario.NameCanary);

        // Act
        CliResult result = vault.Run("destroy", id, "--reason", Reason, "--yes");

        // Assert
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.StartWith($"Case {id} destroyed: 2 items, 2 evidence files overwritten and removed"));
        Assert.That(DestroyScenario.Scan(vault.Root, DestroyScenario.Canaries), Is.Empty);
        Assert.That(DestroyScenario.Scan(vault.Root, [ImportedScenario.CanaryC, ImportedScenario.CanaryFollowup]), Has.Count.EqualTo(2),
            "the other cases are still in the store (one decrypted hit each, in store.db)");
        Assert.That(evidence.Where(File.Exists), Is.Empty);
        Assert.That(links.Select(l => File.ReadAllBytes(l).All(b => b == 0)), Is.All.True, "overwritten with zeros in place before the unlink");
        Assert.That(links.Select(l => new FileInfo(l).Length), Is.All.Positive);
        List<byte[]> keysNow = DiskKeys.All(store, DestroyScenario.StoreKey(vault.Root));
        Assert.That(SlotScanner.AuthenticSlots(oldData, keysNow, StoreFileKind.Data), Is.Zero, "the old store's data key is erased");
        Assert.That(SlotScanner.AuthenticSlots(oldLog, keysNow, StoreFileKind.Log), Is.Zero);
        Assert.That(vault.Succeed("list").StdoutText, Does.Not.Contain(id).And.Contain(CaseLookup.CaseC(vault)));
    }

    [Test]
    public void Destroy_ConfirmedByTypingTheId_TombstoneHoldsIdsNeverContentAndTheChainVerifies()
    {
        using TestVault vault = DestroyScenario.Copy();
        string id = DestroyScenario.CaseId[..8];
        int before = VaultAudit.Entries(vault).Count;

        CliResult result = RunWithInput(vault, id + "\n", "destroy", id, "--reason", Reason);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Contain($"Type the case id {id} to destroy it:").And.Contain("2 items with 1 attachments, 1 notes, 1 replies"));
        var entries = VaultAudit.Entries(vault);
        var tombstone = entries[^1];
        Assert.That(entries, Has.Count.EqualTo(before + 1));
        Assert.That(tombstone.Action, Is.EqualTo("case.destroy"));
        Assert.That(tombstone.CaseId, Is.EqualTo(DestroyScenario.CaseId));
        Assert.That(tombstone.Actor, Is.EqualTo(TestVault.Actor));
        Assert.That(tombstone.Time[..10], Is.EqualTo(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(tombstone.Details, Does.StartWith($"case destroyed: {Reason}; 2 items: {string.Join(' ', DestroyScenario.ItemIds)}; unlinked from incidents: "));
        var erased = entries.Where(e => e.Erased).ToList();
        Assert.That(erased.Select(e => e.Action), Is.SupersetOf(new[] { "case.open", "import.item", "note.add", "reply.queue", "case.tag", "files.export", "incident.link" }));
        Assert.That(erased.Select(e => e.Details), Is.All.Empty);
        Assert.That(entries.Where(e => !e.Erased && e.CaseId == DestroyScenario.CaseId), Is.EqualTo(new[] { tombstone }));
        Assert.That(entries.Select(e => e.Details), Has.None.Contains(DestroyScenario.NameCanary).And.None.Contains(DestroyScenario.TagCanary));
        Assert.That(vault.Run("audit", "verify").ExitCode, Is.Zero);
        using JsonDocument incidents = JsonDocument.Parse(vault.Succeed("incident", "list", "--json").StdoutText);
        JsonElement kept = incidents.RootElement.EnumerateArray().Single(i => i.GetProperty("month").GetString() == "2025-06");
        Assert.That(kept.GetProperty("cases").GetArrayLength(), Is.Zero, "the incident stays with its own fields, unlinked");
        Assert.That(kept.GetProperty("state").GetString(), Is.EqualTo("TX"));
    }

    [Test]
    public void Destroy_ErasedEntryWithoutTombstone_AuditVerifyFails()
    {
        // An entry marked erased that no tombstone names is a broken chain, not a licence to hide entries.
        using TestVault vault = TestVault.Imported();
        using (var session = WhistleSubmit.ReviewerConsole.Vault.VaultService.Open(vault.Root, () => TestVault.Passphrase, "tamperer", TimeProvider.System))
        {
            session.Write(data => data.EraseAuditDetails(2));
        }

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.StdoutText + result.Stderr, Does.Contain("entry #2 was erased, but no later tombstone names it"));
    }

    [Test]
    public void Destroy_TombstoneNamingAnotherCasesEntry_AuditVerifyFails()
    {
        // A patched binary's tombstone for a junk case that names an entry about something else must excuse nothing.
        using TestVault vault = TestVault.Imported();
        using (var session = WhistleSubmit.ReviewerConsole.Vault.VaultService.Open(vault.Root, () => TestVault.Passphrase, "tamperer", TimeProvider.System))
        {
            session.Write(data =>
            {
                data.EraseAuditDetails(2);
                AuditLog.Append(data, "tamperer", session.Now(), RetentionAuditActions.Destroy, new string('0', 32), null,
                    Tombstone.Format("junk", [], [], [2]));
            });
        }

        CliResult result = vault.Run("audit", "verify");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.StdoutText + result.Stderr, Does.Contain("entry #2 was erased, but it is not about the case tombstone"));
    }

    [Test]
    public void Destroy_UnderLegalHold_RefusedAndVaultUnchanged()
    {
        using TestVault vault = DestroyScenario.Copy();
        string id = DestroyScenario.CaseId[..8];
        vault.Succeed("hold", id, "--reason", "preservation letter 2026-114");
        var before = vault.Snapshot();

        CliResult result = vault.Run("destroy", id, "--reason", Reason, "--yes");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith($"whistle-review: error: case {id} is under legal hold (since ").And.Contain("release-hold"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
        vault.Succeed("release-hold", id, "--reason", "letter withdrawn");
        Assert.That(vault.Run("destroy", id, "--reason", Reason, "--yes").ExitCode, Is.Zero);
    }

    [TestCase("nope\n")]
    [TestCase("")]
    public void Destroy_NotConfirmed_RefusedAndVaultUnchanged(string typed)
    {
        using TestVault vault = DestroyScenario.Copy();
        string id = DestroyScenario.CaseId[..8];
        var before = vault.Snapshot();

        CliResult result = RunWithInput(vault, typed, "destroy", id, "--reason", Reason);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("whistle-review: error: not confirmed; nothing was destroyed"));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [TestCase("", "--reason must be 1 to 200 characters on one line")]
    [TestCase("two\nlines", "--reason must be 1 to 200 characters on one line")]
    public void Destroy_BadReason_RefusedBeforeTheVaultOpens(string reason, string error)
    {
        using TestVault vault = TestVault.Imported();
        var before = vault.Snapshot();

        CliResult result = vault.Run("destroy", CaseLookup.CaseC(vault), "--reason", reason, "--yes");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.StartWith("whistle-review: error: " + error));
        Assert.That(vault.Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public void Destroy_NoReason_ParseError()
    {
        using TestVault vault = TestVault.Imported();

        CliResult result = vault.Run("destroy", CaseLookup.CaseC(vault), "--yes");

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("--reason"));
    }

    [Test]
    public void Import_SameBundleAfterDestroy_NotImportedButInTheReceiptAndAudited()
    {
        using TestVault vault = DestroyScenario.Copy();
        vault.Succeed("destroy", DestroyScenario.CaseId[..8], "--reason", Reason, "--yes");
        string receipt = vault.Directory.File("again.receipt.json");

        CliResult result = vault.Run("import", DestroyScenario.Bundle, "--receipt", receipt);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.StdoutText, Does.Contain("Imported 0 new items (0 already in the vault)")
            .And.Contain("2 items belong to destroyed cases and were not imported"));
        Assert.That(vault.Run("list", "--search", DestroyScenario.ReportCanary).StdoutText, Does.Contain("No cases match."));
        Assert.That(DestroyScenario.ItemIds.Select(i => File.Exists(Path.Combine(vault.Root, "evidence", i + ".age"))), Is.All.False);
        using (JsonDocument signed = JsonDocument.Parse(File.ReadAllText(receipt)))
        {
            string payload = Encoding.UTF8.GetString(Convert.FromBase64String(Base64(signed.RootElement.GetProperty("payload").GetString()!)));
            Assert.That(payload, Does.Contain(DestroyScenario.ItemIds[0]).And.Contain(DestroyScenario.ItemIds[1]), "so the portal deletes its copies");
        }

        Assert.That(VaultAudit.Entries(vault).Count(e => e.Action == "import.destroyed"), Is.EqualTo(2));
        Assert.That(DestroyScenario.Scan(vault.Root, DestroyScenario.Canaries), Is.Empty);

        // A portal replaying the same ciphertext under a new id gets nowhere either.
        string replay = vault.Directory.Write("replay.wsbundle", Fixtures.Bundle(BundleEntry.Submission(Fixtures.NewMailbox(), DestroyScenario.ReportCiphertext)));
        CliResult replayed = vault.Run("import", replay);
        Assert.That(replayed.ExitCode, Is.Zero, replayed.ToString());
        Assert.That(replayed.StdoutText, Does.Contain("1 items belong to destroyed cases and were not imported"));
        Assert.That(vault.Run("list", "--search", DestroyScenario.ReportCanary).StdoutText, Does.Contain("No cases match."));
    }

    [Test]
    public void Destroy_KilledAtRandomMoments_CaseWholeOrTombstoneAndAbsenceNeverHalf()
    {
        // Measure an uninterrupted destroy, then SIGKILL real ones across that span (biased to its end, where the
        // transaction, the evidence and the compaction are); the next verb finishes what a kill interrupted.
        TimeSpan full;
        using (TestVault timing = DestroyScenario.Copy())
        {
            var clock = Stopwatch.StartNew();
            using var process = ConsoleProcess.Start(timing, "destroy", DestroyScenario.CaseId[..8], "--reason", Reason, "--yes");
            Assert.That(process.WaitForExit().ExitCode, Is.Zero);
            full = clock.Elapsed;
        }

        var outcomes = new List<string>();
        int killedAlive = 0;
        foreach (double fraction in new[] { 0.5, 0.7, 0.8, 0.9, 0.97 })
        {
            using TestVault vault = DestroyScenario.Copy();
            var delay = full * fraction;
            using (var process = ConsoleProcess.Start(vault, "destroy", DestroyScenario.CaseId[..8], "--reason", Reason, "--yes"))
            {
                var clock = Stopwatch.StartNew();
                process.WaitUntil(() => clock.Elapsed >= delay || process.HasExited);
                killedAlive += process.HasExited ? 0 : 1;
                process.Signal("KILL");
                process.WaitForExit();
            }

            CliResult list = vault.Run("list", "--json");
            Assert.That(list.ExitCode, Is.Zero, list.ToString());
            bool present = list.StdoutText.Contains(DestroyScenario.CaseId, StringComparison.Ordinal);
            bool tombstone = VaultAudit.Entries(vault).Any(e => e.Action == "case.destroy");
            outcomes.Add($"{delay.TotalMilliseconds:F0} ms: {(present ? "case whole" : "destroyed")}{(list.Stderr.Contains("finished destroying", StringComparison.Ordinal) ? " (finished at the next open)" : string.Empty)}");
            Assert.That(present, Is.Not.EqualTo(tombstone), $"at {delay}: the case or its tombstone, never both or neither");
            Assert.That(vault.Run("audit", "verify").ExitCode, Is.Zero);
            Assert.That(Directory.Exists(Path.Combine(vault.Root, "store", DurableStore.CompactionDirectoryName)), Is.False);
            if (present)
            {
                Assert.That(DestroyScenario.ItemIds.Select(i => File.Exists(Path.Combine(vault.Root, "evidence", i + ".age"))), Is.All.True);
            }
            else
            {
                Assert.That(DestroyScenario.Scan(vault.Root, DestroyScenario.Canaries), Is.Empty, $"at {delay}");
                Assert.That(DestroyScenario.ItemIds.Select(i => File.Exists(Path.Combine(vault.Root, "evidence", i + ".age"))), Is.All.False);
            }
        }

        TestContext.Out.WriteLine($"uninterrupted: {full.TotalMilliseconds:F0} ms; " + string.Join("; ", outcomes));
        Assert.That(killedAlive, Is.GreaterThan(0), "every kill came after the process had finished: nothing was interrupted");
    }

    private static string Base64(string url)
    {
        string b = url.Replace('-', '+').Replace('_', '/');
        return b + new string('=', (4 - (b.Length % 4)) % 4);
    }

    private static CliResult RunWithInput(TestVault vault, string input, params string[] args) =>
        WhistleReview.Run(vault.Directory.Path, ["--data", vault.Root, "--as", TestVault.Actor, .. args], Encoding.UTF8.GetBytes(input),
            vault.PassphraseFile, vault.Environment);
}
