namespace WhistleSubmit.Portal.Store;

/// <summary>An unfinished resumable upload: which chunks have arrived and when it is removed if never finished.</summary>
public sealed record UploadSession(string Id, ItemKind Kind, string MailboxId, long Size, int NextChunk, long Received, DateTimeOffset Expires);
