namespace WhistleSubmit.Portal.Store;

/// <summary>The metadata the store keeps for one item (docs/PORTAL.md#store): nothing else exists to return.</summary>
public sealed record StoredItem(string Id, string MailboxId, ItemKind Kind, string Day, long Size, string? ExportedDay, bool Read);
