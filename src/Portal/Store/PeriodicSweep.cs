namespace WhistleSubmit.Portal.Store;

/// <summary>The tick loop of the portal's background sweeps.</summary>
internal static class PeriodicSweep
{
    /// <summary>
    /// Waits for the next tick; false once the host stops. A host that fails to start (a port taken) disposes its
    /// services without stopping them, and the timer then throws OperationCanceledException, which the host would
    /// report as a crashed service (a fatal log line and a stack trace) on top of the real startup error.
    /// </summary>
    public static async ValueTask<bool> NextTickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
