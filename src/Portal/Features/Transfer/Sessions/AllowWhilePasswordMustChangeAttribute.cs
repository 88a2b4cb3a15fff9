namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>Marks the pages a session with a one-time password may use: setting the passphrase, and logging out.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowWhilePasswordMustChangeAttribute : Attribute;
