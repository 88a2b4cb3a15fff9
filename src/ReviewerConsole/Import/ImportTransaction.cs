using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Cases;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Import;

/// <summary>
/// The one store transaction of an import: the staged items go into cases (<see cref="CaseIntake"/>: cases opened or
/// joined, duplicate flags, items, their audit entries), then the bundle's own audit entry.
/// </summary>
internal static class ImportTransaction
{
    /// <returns>The ids of the cases opened, per older case how many new items joined it, and the case-proof flags.</returns>
    public static ImportOutcome Apply(VaultData data, VaultSession vault, IReadOnlyList<StagedItem> staged, string bundleSha256,
        DateOnly bundleCreated, int alreadyPresent)
    {
        // A vault made before protocol v2 is moved up first, in this same transaction (a failed import leaves it as it was).
        data.MigrateSchema();
        var intake = new CaseIntake(data, vault, bundleSha256, bundleCreated);
        var opened = new List<string>();
        foreach (StagedItem s in staged)
        {
            if (intake.Admit(s.Intake) is { } caseId)
            {
                opened.Add(caseId);
            }
        }

        intake.Complete();
        AuditLog.Append(data, vault.Actor, vault.Now(), AuditActions.ImportBundle, null, null,
            $"bundle SHA-256 {bundleSha256}: {staged.Count} new items, {alreadyPresent} already in the vault");
        return new ImportOutcome(opened, intake.NewMessages, intake.Flagged, intake.V1Items);
    }
}
