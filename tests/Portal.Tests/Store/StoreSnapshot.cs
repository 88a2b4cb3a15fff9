using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>What "the store is unchanged" compares: every count and size, and the ids of the items.</summary>
internal sealed record StoreSnapshot(StoreStatus Status, string Items)
{
    public static StoreSnapshot Of(PortalDatabase store)
    {
        // Free space moves with everything else on the machine; it is not part of the store's state.
        var status = store.Transfer().Status() with { FreeDiskBytes = 0 };
        return new StoreSnapshot(status, string.Join(',', store.Transfer().ListUnexported().Select(i => i.Id)));
    }
}
