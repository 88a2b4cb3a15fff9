namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>200 of GET /api/uploads/{id}: where to resume.</summary>
public sealed record UploadStatusResponse(long Received, int NextChunk, long Size);
