namespace WhistleSubmit.Portal.Features.SourceStore;

/// <summary>A reviewers' reply as stored: its id, UTC day (yyyy-MM-dd) and age ciphertext.</summary>
public sealed record SourceReply(string Id, string Day, byte[] Ciphertext);
