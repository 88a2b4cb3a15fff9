using Microsoft.AspNetCore.Http.Features;
using MinDataRate = Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>
/// Reads one chunk's body into a pooled buffer before the store is touched, so nothing of a short, long, slow or
/// broken body is ever written. A semaphore bounds how many 4 MiB buffers exist at once (memory stays flat under many
/// clients); a deadline and a minimum data rate bound how long one slow client may hold one, and the endpoint lets
/// each upload send one body at a time, so holding every buffer takes as many uploads (each a proof of work) sending
/// at least <see cref="StoreOptions.MinChunkBytesPerSecond"/> each.
/// <para>
/// The buffers are this class's own, not ArrayPool.Shared's: the shared pool keeps a 4 MiB array per thread that
/// returned one plus per-core stacks, so a single upload moving between thread-pool threads left several idle 4 MiB
/// arrays behind. Here at most <see cref="IdleBuffers"/> stay when idle.
/// </para>
/// </summary>
public sealed class ChunkBodyReader(IOptions<StoreOptions> options)
{
    private const int IdleBuffers = 2;

    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentChunkBodies);
    private readonly Stack<byte[]> idle = new();

    /// <summary>Returns the status to answer if the body is not exactly expected bytes, else null and the buffer.</summary>
    public async Task<(int? Status, byte[]? Buffer)> ReadAsync(HttpContext context, int expected)
    {
        // Per route: only this endpoint may carry up to a chunk; everything else keeps Kestrel's 64 KiB default.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = expected;
        }

        // The chunk's own floor (configurable, the same 8 KiB/s as every body by default): a slow body holds a 4 MiB buffer.
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = new MinDataRate(options.Value.MinChunkBytesPerSecond, Security.KestrelHardeningExtensions.BodyGracePeriod);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(TimeSpan.FromSeconds(options.Value.ChunkReadTimeoutSeconds));
        try
        {
            await slots.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return (StatusCodes.Status503ServiceUnavailable, null);
        }

        byte[] buffer = Rent();
        try
        {
            int read = await context.Request.Body.ReadAtLeastAsync(buffer.AsMemory(0, expected), expected, throwOnEndOfStream: false, deadline.Token)
                .ConfigureAwait(false);
            byte[] probe = new byte[1];
            int? status = read < expected ? StatusCodes.Status400BadRequest
                : await context.Request.Body.ReadAsync(probe, deadline.Token).ConfigureAwait(false) > 0 ? StatusCodes.Status413PayloadTooLarge
                : null;
            if (status is null)
            {
                return (null, buffer);
            }

            Return(buffer);
            return (status, null);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            Return(buffer);
            int status = e switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                OperationCanceledException when !context.RequestAborted.IsCancellationRequested => StatusCodes.Status408RequestTimeout,
                _ => StatusCodes.Status400BadRequest,
            };
            return (status, null);
        }
    }

    /// <summary>Gives a buffer from <see cref="ReadAsync"/> back, and its slot.</summary>
    public void Return(byte[] buffer)
    {
        lock (idle)
        {
            if (idle.Count < IdleBuffers)
            {
                idle.Push(buffer);
            }
        }

        slots.Release();
    }

    private byte[] Rent()
    {
        lock (idle)
        {
            if (idle.TryPop(out byte[]? buffer))
            {
                return buffer;
            }
        }

        return new byte[StoreOptions.ChunkSize];
    }
}
