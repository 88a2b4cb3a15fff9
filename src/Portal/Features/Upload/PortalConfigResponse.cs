namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>GET /api/config: what the browser needs to encrypt and upload.</summary>
public sealed record PortalConfigResponse(IReadOnlyList<string> Recipients, long MaxTotalBytes, int ChunkSize, bool Demo);
