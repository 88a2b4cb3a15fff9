using Microsoft.AspNetCore.Http.Features;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;

namespace WhistleSubmit.Portal.Features.NoScript;

public static class NoJsFormsExtensions
{
    /// <summary>
    /// The no-JavaScript path: streamed multipart reading, single-use form tickets, in-memory encryption to the
    /// reviewers, and the limits of the rate-limited server-side codename check of the mailbox.
    /// </summary>
    public static WebApplicationBuilder AddNoJsForms(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NoJsOptions>()
            .BindConfiguration(NoJsOptions.Section)
            .Validate(o => o.MaxTotalBytes > 0 && o.MaxFileBytes > 0 && o.MaxFiles is >= 1 and <= 999, "Portal:NoJs size limits must be positive (MaxFiles 1–999).")
            .Validate(o => o.FormTokenMinAgeSeconds >= 0 && o.FormTokenLifetimeSeconds > o.FormTokenMinAgeSeconds && o.FormTokenReplayCapacity >= 1,
                "Portal:NoJs form ticket times must satisfy 0 <= MinAge < Lifetime.")
            .Validate(o => o.CodenameChecksPerMinute >= 1 && o.CodenameChecksAtOnce >= 1 && o.PostsAtOnce >= 1,
                "Portal:NoJs codename and post limits must be positive.");
        builder.Services.AddSingleton<FormTokens>();
        builder.Services.AddSingleton<NoJsFormGate>();
        builder.Services.AddSingleton<SubmissionSealer>();

        // Defence in depth for invariant 1: nothing here reads Request.Form on a multipart post, but if anything
        // ever did, it must keep file sections in memory (bounded by the 64 KiB body limit) rather than in temp files.
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MemoryBufferThreshold = int.MaxValue;
            o.MultipartBodyLengthLimit = 64 * 1024;
        });
        return builder;
    }

    /// <summary>
    /// Refuses to serve when the reviewers' keys mix post-quantum and classic recipients: every no-JS submission is
    /// encrypted to all of them at once, and an age file never mixes the two (docs/FORMATS.md#age-encryption).
    /// </summary>
    public static WebApplication RequireUniformRecipients(this WebApplication app)
    {
        var keys = app.Services.GetRequiredService<ReviewerKeys>();
        var first = keys.Recipients[0].Labels;
        if (keys.Recipients.Any(r => !r.Labels.SetEquals(first)))
        {
            throw new PortalStartupException(
                "The reviewers' keys mix post-quantum (age1pq1…) and classic (age1…) recipients.",
                "Use only age1pq1… keys in recipients.txt (or only age1… keys), then start the portal again.");
        }

        return app;
    }
}
