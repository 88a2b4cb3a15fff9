namespace WhistleSubmit.Portal.Features.Transfer.Operations;

/// <summary>A written submissions bundle: where, its SHA-256, and the items now marked exported.</summary>
public sealed record ExportResult(string Path, string Sha256, long FileBytes, IReadOnlyList<string> ItemIds, long ItemBytes);
