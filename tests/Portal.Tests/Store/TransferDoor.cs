using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Tests.Store;

/// <summary>Tests that hold the engine reach the transfer side's operations as the portal does, through its door.</summary>
internal static class TransferDoor
{
    public static TransferStore Transfer(this PortalDatabase database) => new(database);
}
