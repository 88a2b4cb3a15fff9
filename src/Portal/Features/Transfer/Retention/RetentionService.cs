namespace WhistleSubmit.Portal.Features.Transfer.Retention;

/// <summary>
/// Applies retention every <see cref="RetentionOptions.SweepMinutes"/>: deletes replies that have served, removes
/// prepared bundles no export needs any more, and logs (counts only) what waits too long. Never deletes anything a
/// source sent: that happens only through a confirmation.
/// </summary>
public sealed partial class RetentionService(
    WhistleSubmit.Portal.Store.TransferStore store, TransferBundles bundles, RetentionReport report, RetentionOptions options,
    TimeProvider time, ILogger<RetentionService> logger) : BackgroundService
{
    /// <summary>One pass; returns the number of replies deleted.</summary>
    public int RunOnce()
    {
        int replies = store.DeleteExpiredReplies(options.ReplyReadDays, options.ReplyMaxDays).Count;
        int files = bundles.Sweep(time.GetUtcNow());
        int mailboxes = store.DeleteIdleMailboxes(options.MailboxDays);
        if (replies > 0 || files > 0 || mailboxes > 0)
        {
            LogDeleted(logger, replies, files, mailboxes);
        }

        var status = report.Build();
        if (status.UnexportedOverdue > 0 || status.ExportsOverdue.Count > 0)
        {
            LogOverdue(logger, status.UnexportedOverdue, status.ExportsOverdue.Count);
        }

        return replies;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.SweepMinutes), time);
        do
        {
            try
            {
                RunOnce();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retried at the next tick: a background service that throws would stop the whole portal.
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await WhistleSubmit.Portal.Store.PeriodicSweep.NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Replies} replies, {Files} bundle files and {Mailboxes} idle mailboxes no longer needed")]
    private static partial void LogDeleted(ILogger logger, int replies, int files, int mailboxes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: {Items} items wait too long for export; {Bundles} exported bundles have no receipt yet")]
    private static partial void LogOverdue(ILogger logger, int items, int bundles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed ({Type}); retrying later")]
    private static partial void LogFailed(ILogger logger, string type);
}
