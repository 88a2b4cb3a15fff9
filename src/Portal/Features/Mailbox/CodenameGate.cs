using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Portal.Features.NoScript;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>
/// Server-side codename checks, limited for the whole portal (there is no per-client identity to limit by): each
/// check is scrypt with 32 MiB of memory, so a few at once and a bounded number per minute keep a flood from
/// exhausting memory or CPU while sources still get through.
/// </summary>
public sealed class CodenameGate : IDisposable
{
    private readonly TokenBucketRateLimiter perMinute;
    private readonly SemaphoreSlim atOnce;

    public CodenameGate(IOptions<NoJsOptions> options)
    {
        var o = options.Value;
        perMinute = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.CodenameChecksPerMinute,
            TokensPerPeriod = o.CodenameChecksPerMinute,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        atOnce = new SemaphoreSlim(o.CodenameChecksAtOnce, o.CodenameChecksAtOnce);
    }

    /// <summary>Derives the keys of a valid codename, or null if over the limit (the caller says "try again shortly").</summary>
    public async Task<SourceKeys?> TryDeriveAsync(string normalizedCodename, CancellationToken cancellationToken)
    {
        using var lease = perMinute.AttemptAcquire();
        if (!lease.IsAcquired || !await atOnce.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken))
        {
            return null;
        }

        try
        {
            return await Task.Run(() => SourceKeys.Derive(normalizedCodename), cancellationToken);
        }
        finally
        {
            atOnce.Release();
        }
    }

    public void Dispose()
    {
        perMinute.Dispose();
        atOnce.Dispose();
    }
}
