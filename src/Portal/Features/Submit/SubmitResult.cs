namespace WhistleSubmit.Portal.Features.Submit;

/// <summary>What the result page shows once: the codename (never stored, never in a URL or cookie) and the receipt.</summary>
public sealed record SubmitResult(string Codename, string Receipt);
