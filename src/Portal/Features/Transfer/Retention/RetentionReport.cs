using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer.Retention;

/// <summary>Builds <see cref="RetentionStatus"/> for the dashboard and <c>whistle-portal status</c>, and its warning lines.</summary>
public sealed class RetentionReport(TransferStore store, TimeProvider time, RetentionOptions options)
{
    public RetentionStatus Build()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var items = store.ListItems();
        var unexported = items.Where(i => i.Kind != ItemKind.Reply && i.ExportedDay is null)
            .OrderBy(i => i.Day, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var exports = store.ListPendingExports();
        var status = new RetentionStatus(today, unexported, exports, 0, null, [], items.Count(i => i.Kind == ItemKind.Reply),
            items.Count(i => i.Kind == ItemKind.Reply && !i.Read), options);
        return status with
        {
            UnexportedOverdue = unexported.Count(i => status.AgeDays(i.Day) >= options.UnexportedWarnDays),
            OldestUnexportedAgeDays = unexported.Count > 0 ? status.AgeDays(unexported[0].Day) : null,
            ExportsOverdue = exports.Where(e => status.AgeDays(e.Day) >= options.ExportedWarnDays).ToList(),
        };
    }

    /// <summary>The warnings, in the admin verbs' style (English: the operator's console).</summary>
    public static IEnumerable<string> Warnings(RetentionStatus s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.UnexportedOverdue > 0)
        {
            yield return $"whistle-portal: warning: {s.UnexportedOverdue} items have waited {s.Options.UnexportedWarnDays} days or more for export (oldest: {s.OldestUnexportedAgeDays} days); they are kept until exported and confirmed";
        }

        foreach (var e in s.ExportsOverdue)
        {
            yield return $"whistle-portal: warning: bundle {e.BundleSha256} ({e.Items} items) was exported {s.AgeDays(e.Day)} days ago and has no import receipt yet; its items are kept";
        }
    }
}
