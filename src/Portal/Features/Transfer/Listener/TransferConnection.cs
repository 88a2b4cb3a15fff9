namespace WhistleSubmit.Portal.Features.Transfer.Listener;

/// <summary>
/// A connection feature that only the transfer listener's connection middleware sets. Kestrel's request features fall
/// back to the connection's, so every request on that socket carries it and no request on the source socket can: no
/// header, host name or path a client sends changes which side it is on.
/// </summary>
public sealed class TransferConnection
{
    public static readonly TransferConnection Instance = new();

    private TransferConnection()
    {
    }

    /// <summary>True when the request arrived on the transfer listener's socket.</summary>
    public static bool Is(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<TransferConnection>() is not null;
    }
}
