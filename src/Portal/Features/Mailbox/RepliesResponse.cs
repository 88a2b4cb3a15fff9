namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>200 of GET /api/mailbox/replies.</summary>
public sealed record RepliesResponse(IReadOnlyList<ReplyDto> Replies);
