namespace WhistleSubmit.Portal.Features.Submit;

/// <summary>
/// What the result page shows once: the codename (never stored, never in a URL or cookie), the receipt and the names of
/// the files sent. With <paramref name="InBrowser"/> it is the browser path's empty copy, which portal.js fills in.
/// </summary>
public sealed record SubmitResult(string Codename, string Receipt, IReadOnlyList<string> FileNames, bool InBrowser = false);
