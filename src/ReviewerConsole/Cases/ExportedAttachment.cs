using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>One attachment written by <see cref="AttachmentExportService"/>: where, and what it is.</summary>
internal sealed record ExportedAttachment(string Path, AttachmentRecord Attachment);
