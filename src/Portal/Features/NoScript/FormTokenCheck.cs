namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>The outcome of checking a no-JS form ticket.</summary>
public enum FormTokenCheck
{
    Valid,

    /// <summary>Missing, forged or unreadable.</summary>
    Invalid,

    /// <summary>Sent sooner after the page was served than a person could have filled it in.</summary>
    TooSoon,

    Expired,

    /// <summary>Already used once.</summary>
    Reused,

    /// <summary>Too many tickets in flight to remember another: try again later.</summary>
    Busy,
}
