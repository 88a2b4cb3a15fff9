namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>One reply: its id, the UTC day it arrived, and the age ciphertext in base64.</summary>
public sealed record ReplyDto(string Id, string Day, string Ciphertext);
