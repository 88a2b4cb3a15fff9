using Microsoft.Extensions.Options;

namespace WhistleSubmit.Portal.Store;

/// <summary>Removes uploads that were never finished, so abandoned chunks do not hold disk and quota forever.</summary>
public sealed partial class UploadExpiryService(SourceStore store, IOptions<StoreOptions> options, ILogger<UploadExpiryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ExpirySweepSeconds));
        do
        {
            try
            {
                int removed = store.RemoveExpiredUploads();

                // Every expiry falls on 00:00 UTC (StoreOptions.UploadLifetimeDays), so this line appears in the first
                // sweep after midnight (or at a start-up): its time dates the abandoned uploads to their day only.
                if (removed > 0)
                {
                    LogRemoved(logger, removed);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A full disk, a failing write or anything else is retried at the next tick; the sessions stay until
                // then. A background service that throws stops the whole host, which would take the portal offline.
                LogFailed(logger, e.GetType().Name);
            }
        }
        while (await PeriodicSweep.NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired unfinished uploads")]
    private static partial void LogRemoved(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing expired uploads failed ({Type}); retrying later")]
    private static partial void LogFailed(ILogger logger, string type);
}
