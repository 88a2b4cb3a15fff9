using WhistleSubmit.Portal.Features.Transfer.Sessions;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>The audit log of this interface, newest first, with the state of its hash chain.</summary>
public sealed class AuditModel(TransferStore store, TransferAntiforgery antiforgery) : TransferPage(antiforgery)
{
    public const int Shown = 500;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public bool ChainIntact { get; private set; }

    public void OnGet()
    {
        Entries = store.ListAudit(Shown);
        ChainIntact = store.VerifyAuditChain();
    }
}
