namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>One reply as shown to the source: its day, its text (null if it could not be decrypted) and attachment names.</summary>
public sealed record ReplyView(string Day, string? Text, IReadOnlyList<string> AttachmentNames);
