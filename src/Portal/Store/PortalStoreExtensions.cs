using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Store;

public static class PortalStoreExtensions
{
    /// <summary>The store as a singleton (it holds the one-writer lock for the process's lifetime) and its expiry service.</summary>
    public static WebApplicationBuilder AddPortalStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>()
            .BindConfiguration(StoreOptions.Section)
            .Validate(o => o.MaxUploadBytes >= 1 && o.GlobalQuotaBytes >= 1 && o.MinFreeBytes >= 0, "Portal:Store sizes must be positive.")
            .Validate(o => o.MaxPendingUploadsPerMailbox >= 1 && o.MaxUnexportedBytesPerMailbox >= 1, "Portal:Store quotas must be positive.")
            .Validate(o => o.UploadLifetimeDays >= 1 && o.ExpirySweepSeconds >= 1 && o.ChunkReadTimeoutSeconds >= 1
                && o.MaxConcurrentChunkBodies >= 1 && o.MaxReplyBytes >= 1, "Portal:Store times and counts must be positive.")
            .Validate(o => o.UploadIdleSeconds >= 1 && o.UploadAbandonedSeconds >= o.UploadIdleSeconds && o.MaxPendingUploads >= 1
                && o.MinChunkBytesPerSecond >= 1, "Portal:Store upload limits must be positive, UploadAbandonedSeconds at least UploadIdleSeconds.");
        builder.Services.AddSingleton(services =>
        {
            var portal = services.GetRequiredService<IOptions<PortalOptions>>().Value;
            DataDirectory.Ensure(portal.DataDirectoryFullPath);
            return new PortalDatabase(
                portal.DataDirectoryFullPath,
                services.GetRequiredService<IDataProtectionProvider>(),
                services.GetRequiredService<IOptions<StoreOptions>>().Value,
                services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton<SourceStore>();
        builder.Services.AddSingleton<TransferStore>();
        builder.Services.AddHostedService<UploadExpiryService>();
        builder.Services.AddHostedService<FileTimesService>();
        return builder;
    }

    /// <summary>
    /// Runs the portal, then, once the store is closed (its last checkpoint wrote its files), sets every file time in
    /// the data directory to the day (<see cref="FileTimes"/>), so that a stopped server's disk shows no stop time.
    /// </summary>
    public static void RunThenStampFileTimes(this WebApplication app)
    {
        string dataDirectory = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.DataDirectoryFullPath;
        var time = app.Services.GetRequiredService<TimeProvider>();
        app.Run();
        FileTimes.StampDay(dataDirectory, time.GetUtcNow());
    }

    /// <summary>Opens the store before listening: a second server, or a locked or unreadable store, stops here.</summary>
    public static WebApplication OpenPortalStore(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<PortalDatabase>();
        return app;
    }
}
