using WhistleSubmit.ReviewerConsole.Retention;
using WhistleSubmit.ReviewerConsole.Tests.Support;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Tests.Retention;

/// <summary>
/// Each step after the destruction's transaction, interrupted in-process (the kill test does it with SIGKILL at
/// random): the next open of the vault finishes the erasure, so the case never comes back and nothing of it stays.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DestroyServiceTests
{
    [TearDown]
    public void TearDown() => DestroyService.Step = null;

    [TestCase("committed")]
    [TestCase("evidence")]
    [TestCase("compact")]
    [TestCase("clear")]
    public void Destroy_CrashAtStep_NextOpenFinishesTheErasure(string step)
    {
        using TestVault vault = DestroyScenario.Copy();
        DestroyService.Step = name =>
        {
            if (name == step)
            {
                throw new IOException("simulated crash at " + name);
            }
        };
        using (VaultSession session = VaultService.Open(vault.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System))
        {
            Assert.That(() => DestroyService.Destroy(session, DestroyScenario.CaseId, "crash test"), Throws.TypeOf<IOException>());
        }

        DestroyService.Step = null;
        Assert.That(DestroyScenario.Scan(vault.Root, [DestroyScenario.NoteCanary]), step is "clear" ? Is.Empty : Is.Not.Empty,
            "before the compaction the deleted note is still in a stale page slot");

        using (VaultSession reopened = VaultService.Open(vault.Root, () => TestVault.Passphrase, TestVault.Actor, TimeProvider.System))
        {
            Assert.That(reopened.Read(data => data.FindCase(DestroyScenario.CaseId)), Is.Null);
            Assert.That(reopened.Read(data => data.PendingDestruction()), Is.Null);
            Assert.That(reopened.Read(data => data.AuditEntries().Count(e => e.Action == RetentionAuditActions.Destroy)), Is.EqualTo(1));
        }

        Assert.That(DestroyScenario.Scan(vault.Root, DestroyScenario.Canaries), Is.Empty);
        Assert.That(DestroyScenario.ItemIds.Select(i => File.Exists(Path.Combine(vault.Root, "evidence", i + ".age"))), Is.All.False);
        Assert.That(vault.Run("audit", "verify").ExitCode, Is.Zero);
    }
}
