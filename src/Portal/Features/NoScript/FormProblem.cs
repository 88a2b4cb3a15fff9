namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>Why a no-JS post was refused before anything was stored; each has its status and its plain message.</summary>
public enum FormProblem
{
    /// <summary>Not a multipart form as our page sends it (400).</summary>
    Malformed,

    /// <summary>The upload stopped before the end (400).</summary>
    Incomplete,

    /// <summary>Over the total or per-file size (413).</summary>
    TooLarge,

    /// <summary>More attachments than allowed (413).</summary>
    TooManyFiles,

    /// <summary>The form's protection token (antiforgery) or ticket is missing or forged (403).</summary>
    BadToken,

    /// <summary>The ticket was sent too soon after the page was served (403).</summary>
    TooSoon,

    /// <summary>The ticket has expired (403).</summary>
    Expired,

    /// <summary>The ticket was used before: the form was sent twice (403).</summary>
    Reused,

    /// <summary>Too busy: tickets, codename checks or store quota (429/503).</summary>
    Busy,

    /// <summary>The store is full or not available (503).</summary>
    Unavailable,

    /// <summary>The follow-up's mailbox does not exist (404).</summary>
    NoMailbox,
}
