using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// Runs <see cref="FileTimes.StampDay"/> every expiry sweep (the last stamp, after the store is closed, is
/// <see cref="PortalStoreExtensions.RunThenStampFileTimes"/>).
/// </summary>
public sealed partial class FileTimesService(
    IOptions<PortalOptions> portal, IOptions<StoreOptions> options, TimeProvider time, ILogger<FileTimesService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ExpirySweepSeconds));
        do
        {
            Stamp();
        }
        while (await PeriodicSweep.NextTickAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private void Stamp()
    {
        try
        {
            FileTimes.StampDay(portal.Value.DataDirectoryFullPath, time.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Retried at the next tick: a background service that throws would stop the whole portal.
            LogFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Setting file times to the day failed ({Type}); retrying later")]
    private static partial void LogFailed(ILogger logger, string type);
}
