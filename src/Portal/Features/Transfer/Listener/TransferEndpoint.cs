namespace WhistleSubmit.Portal.Features.Transfer.Listener;

/// <summary>
/// Endpoint metadata of the transfer interface. <see cref="ListenerMatcherPolicy"/> serves endpoints with it only on
/// the transfer listener and every other endpoint only on the source listener.
/// </summary>
public sealed class TransferEndpoint
{
    public static readonly TransferEndpoint Metadata = new();

    private TransferEndpoint()
    {
    }
}
