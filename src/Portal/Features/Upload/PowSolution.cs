namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>A solved challenge from GET /pow/challenge.</summary>
public sealed record PowSolution(string? Token, string? Nonce);
