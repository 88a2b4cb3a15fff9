namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>
/// Marks a transfer page whose multipart post checks the antiforgery token itself, as the first field of its streamed
/// body (<c>TransferUpload.ReadAsync</c>). Every other page's multipart post is refused by <see cref="TransferPageFilter"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ChecksAntiforgeryInBodyAttribute : Attribute;
