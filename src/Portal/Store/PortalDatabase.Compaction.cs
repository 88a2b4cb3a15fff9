using WhistleSubmit.EncryptedStore;

namespace WhistleSubmit.Portal.Store;

/// <summary>
/// Compaction after deletions (issue 6): the store is closed, rewritten by <see cref="DurableStore.Compact"/> into
/// fresh files holding only live data, and reopened by the next use. Every store call and every open ciphertext
/// stream counts as a use; compaction waits for none to be running and holds new ones back meanwhile.
/// </summary>
public sealed partial class PortalDatabase
{
    // A stream that is never disposed must not stall a confirmation for ever: after this the deletion stands uncompacted.
    private static readonly TimeSpan CompactionWait = TimeSpan.FromSeconds(30);

    private readonly object useGate = new();
    private int users;
    private bool compacting;

    /// <summary>
    /// Compacts the store once nothing uses it: afterwards deleted data is in no file of the store directory. False
    /// (and the store unchanged) when uses did not end within the wait or the disk has no room for the copy; a crash
    /// part-way leaves the old or the new store, both complete.
    /// </summary>
    public bool Compact()
    {
        lock (useGate)
        {
            // Uses that start while waiting are let in (a use may open another, e.g. an export reading ciphertext).
            var deadline = DateTime.UtcNow + CompactionWait;
            while (users > 0)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(useGate, left))
                {
                    return false;
                }
            }

            compacting = true;
        }

        try
        {
            lock (reopenGate)
            {
                ObjectDisposedException.ThrowIf(disposed, this);
                var open = store;
                store = null;
                open?.Dispose();
                DurableStore.Compact(directory, key);
                return true;
            }
        }
        catch (Exception e) when (DiskFull.IsIoFailure(e))
        {
            // The half-built copy is discarded when the store is next opened; the deletion itself is committed.
            return false;
        }
        finally
        {
            lock (useGate)
            {
                compacting = false;
                Monitor.PulseAll(useGate);
            }
        }
    }

    internal void EnterUse()
    {
        lock (useGate)
        {
            while (compacting)
            {
                Monitor.Wait(useGate);
            }

            users++;
        }
    }

    internal void ExitUse()
    {
        lock (useGate)
        {
            users--;
            if (users == 0)
            {
                Monitor.PulseAll(useGate);
            }
        }
    }
}
