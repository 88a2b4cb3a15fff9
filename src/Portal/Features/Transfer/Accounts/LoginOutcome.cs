using WhistleSubmit.Portal.Features.Transfer.Sessions;

namespace WhistleSubmit.Portal.Features.Transfer.Accounts;

/// <summary>
/// The result of a login attempt: a session (with its cookie value), a refusal that does not say which part was
/// wrong, or a wait (throttled, locked out or busy) with how long.
/// </summary>
public sealed record LoginOutcome(string? CookieValue, ReviewerSession? Session, TimeSpan? Wait)
{
    public static readonly LoginOutcome Refused = new(null, null, null);

    /// <summary>Right password, but a code already used: only someone with the password learns this, so the reviewer is told to wait.</summary>
    public static readonly LoginOutcome CodeAlreadyUsed = new(null, null, null) { ReplayedCode = true };

    public bool ReplayedCode { get; init; }

    public bool Succeeded => Session is not null;
}
