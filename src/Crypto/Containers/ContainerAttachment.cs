namespace WhistleSubmit.Crypto.Containers;

/// <summary>One attachment entry as read: its number (1-based), its tar entry name and what the document says of it.</summary>
public sealed record ContainerAttachment(int Number, string EntryName, AttachmentInfo Info);
