using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Transfer;

/// <summary>
/// Records what happens on the transfer interface: in the store's hash-chained audit log (shown on the audit page)
/// and as a log line. Callers pass names, counts, ids and hashes only: never a password, code, session id, address
/// or user agent (none of those reach this class).
/// </summary>
public sealed partial class TransferAudit(TransferStore store, ILogger<TransferAudit> logger)
{
    public const string NoAccount = "-";

    public void Record(string account, string action, string detail = "")
    {
        store.AppendAudit(account, action, detail);
        LogAudit(logger, account, action, detail);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Transfer audit: {Account} {Action} {Detail}")]
    private static partial void LogAudit(ILogger logger, string account, string action, string detail);
}
