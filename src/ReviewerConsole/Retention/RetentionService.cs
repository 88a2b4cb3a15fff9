using System.Globalization;
using WhistleSubmit.ReviewerConsole.Audit;
using WhistleSubmit.ReviewerConsole.Persistence;
using WhistleSubmit.ReviewerConsole.Records;
using WhistleSubmit.ReviewerConsole.Shared;
using WhistleSubmit.ReviewerConsole.Vault;

namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>
/// Retention (issue 19, docs/CONSOLE.md#retention-and-destruction): the vault's default period and warning window,
/// a case's own period, legal holds, and each case's state as of today (UTC). Nothing here destroys anything: a due
/// case waits for a reviewer's 'destroy'. Every change is one store transaction with its audit entry.
/// </summary>
internal static class RetentionService
{
    public const int MaxReasonLength = 200;

    public static RetentionSettings Settings(VaultSession vault) => vault.Read(data => data.RetentionSettings());

    /// <summary>Sets the default period (null: none) and/or the warning window; what is not given stays.</summary>
    public static RetentionSettings Configure(VaultSession vault, RetentionPeriod? period, bool clearDefault, int? warnDays)
    {
        if (warnDays is < 0 or > RetentionSettings.MaxWarnDays)
        {
            throw new CliException($"--warn-days must be between 0 and {RetentionSettings.MaxWarnDays}");
        }

        return vault.Write(data =>
        {
            RetentionSettings before = data.RetentionSettings();
            RetentionSettings after = new(clearDefault ? null : period ?? before.Default, warnDays ?? before.WarnDays);
            if (after != before)
            {
                data.SetRetentionSettings(after);
                AuditLog.Append(data, vault.Actor, vault.Now(), RetentionAuditActions.Default, null, null, string.Create(CultureInfo.InvariantCulture,
                    $"default {before.Default?.ToString() ?? "none"} -> {after.Default?.ToString() ?? "none"}, warn {before.WarnDays} -> {after.WarnDays} days"));
            }

            return after;
        });
    }

    /// <summary>Gives the case its own period, or (null) makes it follow the vault's default again.</summary>
    public static RetentionStatus SetPeriod(VaultSession vault, string caseId, RetentionPeriod? period) => vault.Write(data =>
    {
        CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
        CaseRetention before = data.RetentionOf(caseId) ?? new CaseRetention(caseId, null, null);
        if (before.Period != period)
        {
            data.SetRetention(before with { Period = period });
            AuditLog.Append(data, vault.Actor, vault.Now(), RetentionAuditActions.CasePeriod, caseId, null,
                $"period {before.Period?.ToString() ?? "default"} -> {period?.ToString() ?? "default"}");
        }

        return Status(data, c, Today(vault));
    });

    /// <summary>Places a legal hold: the case no longer expires and 'destroy' refuses it until the hold is released.</summary>
    public static RetentionStatus Hold(VaultSession vault, string caseId, string reason)
    {
        string why = CheckReason(reason);
        return vault.Write(data =>
        {
            CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
            CaseRetention before = data.RetentionOf(caseId) ?? new CaseRetention(caseId, null, null);
            if (before.Hold is { } existing)
            {
                throw new CliException($"case {c.ShortId} is already under legal hold (since {existing.Since[..10]}, by {existing.Actor})",
                    "release it first with 'release-hold' if the reason changed");
            }

            data.SetRetention(before with { Hold = new LegalHold(vault.Now(), vault.Actor, why) });
            AuditLog.Append(data, vault.Actor, vault.Now(), RetentionAuditActions.Hold, caseId, null, $"legal hold placed: {why}");
            return Status(data, c, Today(vault));
        });
    }

    /// <summary>Releases the hold: the case's period applies again from its last activity (it may be due at once).</summary>
    public static RetentionStatus Release(VaultSession vault, string caseId, string reason)
    {
        string why = CheckReason(reason);
        return vault.Write(data =>
        {
            CaseRecord c = data.FindCase(caseId) ?? throw new CliException("no case has that id");
            CaseRetention before = data.RetentionOf(caseId) ?? new CaseRetention(caseId, null, null);
            if (before.Hold is null)
            {
                throw new CliException($"case {c.ShortId} is not under legal hold");
            }

            data.SetRetention(before with { Hold = null });
            AuditLog.Append(data, vault.Actor, vault.Now(), RetentionAuditActions.ReleaseHold, caseId, null, $"legal hold released: {why}");
            return Status(data, c, Today(vault));
        });
    }

    public static RetentionStatus StatusOf(VaultSession vault, string caseId) => vault.Read(data =>
        Status(data, data.FindCase(caseId) ?? throw new CliException("no case has that id"), Today(vault)));

    /// <summary>Every case's state, by case id.</summary>
    public static IReadOnlyDictionary<string, RetentionStatus> All(VaultData data, DateOnly today)
    {
        RetentionSettings settings = data.RetentionSettings();
        IReadOnlyDictionary<string, CaseRetention> own = data.AllRetention();
        return data.AllCases().ToDictionary(c => c.Id, c => RetentionStatus.Of(own.GetValueOrDefault(c.Id), settings, c.Updated, today), StringComparer.Ordinal);
    }

    /// <summary>The cases due or expiring (or held, if asked), soonest first.</summary>
    public static IReadOnlyList<(CaseRecord Case, RetentionStatus Status)> Attention(VaultSession vault, bool withHeld) => vault.Read(data =>
    {
        var states = All(data, Today(vault));
        return (IReadOnlyList<(CaseRecord, RetentionStatus)>)[.. data.AllCases()
            .Select(c => (Case: c, Status: states[c.Id]))
            .Where(x => x.Status.State is RetentionState.Due or RetentionState.Expiring || (withHeld && x.Status.State == RetentionState.Held))
            .OrderBy(x => x.Status.State == RetentionState.Held ? 1 : 0).ThenBy(x => x.Status.Expires ?? DateOnly.MaxValue).ThenBy(x => x.Case.Id, StringComparer.Ordinal)];
    });

    public static DateOnly Today(VaultSession vault) => DateOnly.FromDateTime(vault.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A reason goes into the audit log for good (it outlives a destroyed case): one line, the reviewer's own words.</summary>
    public static string CheckReason(string? reason)
    {
        string r = (reason ?? string.Empty).Trim();
        if (r.Length is 0 or > MaxReasonLength || r.Any(char.IsControl))
        {
            throw new CliException($"--reason must be 1 to {MaxReasonLength} characters on one line",
                "say why in your own words (a court order's reference, 'retention expired'); never quote the source: it stays in the audit log for good");
        }

        return r;
    }

    private static RetentionStatus Status(VaultData data, CaseRecord c, DateOnly today) =>
        RetentionStatus.Of(data.RetentionOf(c.Id), data.RetentionSettings(), c.Updated, today);
}
