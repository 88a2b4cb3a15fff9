using System.Collections.Concurrent;

namespace WhistleSubmit.EncryptedStore.Tests.Support;

/// <summary>
/// Stores a simulated power cut left behind, kept reachable until the test process ends. A dead process never
/// finalizes what it left; in the test process, LiteDB's finalizer of a transaction the cut interrupted would discard
/// pages the cut left half-written and throw on the finalizer thread, which kills the test host (seen as "discarded
/// page must be writable"). .NET does not run finalizers at process exit, so kept objects never get there.
/// </summary>
internal static class AbandonedStores
{
    private static readonly ConcurrentBag<object> Kept = [];

    public static void Keep(object? store)
    {
        if (store is not null)
        {
            Kept.Add(store);
        }
    }
}
