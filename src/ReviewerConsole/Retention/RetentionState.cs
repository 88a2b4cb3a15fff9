namespace WhistleSubmit.ReviewerConsole.Retention;

/// <summary>Where a case stands with respect to its retention (docs/CONSOLE.md#retention-and-destruction).</summary>
internal enum RetentionState
{
    /// <summary>No period applies (no vault default and no case period): kept until someone destroys it.</summary>
    Unlimited,

    /// <summary>Expires later than the warning window.</summary>
    Kept,

    /// <summary>Expires within the warning window.</summary>
    Expiring,

    /// <summary>Its expiry day has come: due for destruction (never destroyed without a reviewer's 'destroy').</summary>
    Due,

    /// <summary>Under legal hold: no expiry, no warning, and 'destroy' refuses.</summary>
    Held,
}
