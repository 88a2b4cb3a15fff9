namespace WhistleSubmit.Portal.Features.Transfer.Sessions;

/// <summary>
/// A logged-in reviewer, kept in memory only and found by the SHA-256 of the cookie's random id (the id itself is
/// nowhere on the server). Stamp is the account's at login: when a password is reset or changed, or the account is
/// removed, the stamps differ and the session is over.
/// </summary>
public sealed class ReviewerSession(string idHash, string account, string stamp, bool mustChangePassword, DateTimeOffset created)
{
    public string IdHash { get; } = idHash;

    public string Account { get; } = account;

    public string Stamp { get; } = stamp;

    public bool MustChangePassword { get; } = mustChangePassword;

    public DateTimeOffset Created { get; } = created;

    public DateTimeOffset LastSeen { get; set; } = created;
}
