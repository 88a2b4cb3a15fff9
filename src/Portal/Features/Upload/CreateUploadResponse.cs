namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>201 of POST /api/uploads.</summary>
public sealed record CreateUploadResponse(string UploadId, int ChunkSize, DateTimeOffset Expires);
