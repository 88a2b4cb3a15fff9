namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>201 of POST /api/uploads/{id}/complete: the receipt is the stored item's id.</summary>
public sealed record CompleteUploadResponse(string Receipt);
