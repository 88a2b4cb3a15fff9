namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>Marks the one transfer page reachable without a session: the login page.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowWithoutSessionAttribute : Attribute;
