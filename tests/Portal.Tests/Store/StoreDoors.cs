using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>Tests that hold the engine reach each side's operations as the portal does, through that side's door.</summary>
internal static class StoreDoors
{
    public static SourceStore Source(this PortalDatabase database) => new(database);

    public static TransferStore Transfer(this PortalDatabase database) => new(database);
}
