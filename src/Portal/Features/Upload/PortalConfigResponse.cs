namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>
/// GET /api/config: what the browser needs to encrypt and upload. <paramref name="RecipientSet"/> is the signed
/// recipient set's envelope (JSON text, exactly as installed): the browser encrypts only to a set that verifies under
/// the team key in /js/team.js, so the recipients are never taken from this response on the server's word.
/// </summary>
public sealed record PortalConfigResponse(string RecipientSet, long MaxTotalBytes, int ChunkSize, bool Demo);
