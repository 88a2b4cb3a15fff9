using WhistleSubmit.ReviewerConsole.Records;

namespace WhistleSubmit.ReviewerConsole.Cases;

/// <summary>A replies bundle written by <see cref="ReplyService.Export"/>.</summary>
internal sealed record ReplyExport(string Path, string BundleSha256, IReadOnlyList<ReplyRecord> Replies);
