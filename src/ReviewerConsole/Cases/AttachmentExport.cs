namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>
/// What <see cref="AttachmentExportService.Export"/> did: the files it wrote, and how many unfinished files of an
/// earlier, killed export it found in the folder and removed first.
/// </summary>
internal sealed record AttachmentExport(IReadOnlyList<ExportedAttachment> Files, int LeftoversRemoved);
