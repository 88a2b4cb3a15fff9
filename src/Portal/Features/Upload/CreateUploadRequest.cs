namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>POST /api/uploads body. Every field is nullable so that a missing one is a 400 of ours, not a binder error.</summary>
public sealed record CreateUploadRequest(string? Kind, string? MailboxToken, long? Size, PowSolution? Pow);
