namespace WhistleSubmit.Portal.Localization;

/// <summary>The strings of the mailbox (replies and follow-ups), for one language (EnglishMailboxText / SpanishMailboxText).</summary>
public sealed record MailboxText
{
    public required string LinkText { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string PathHeading { get; init; }
    public required string PathServer { get; init; }
    public required string CodenameLabel { get; init; }
    public required string CodenameHint { get; init; }
    public required string OpenButton { get; init; }
    public required string NotFound { get; init; }
    public required string Busy { get; init; }

    /// <summary>{0} is the number of words typed.</summary>
    public required string WrongWordCount { get; init; }

    /// <summary>{0} is the first typed word that is not in the codename list (never the whole codename).</summary>
    public required string UnknownWord { get; init; }
    public required string RepliesHeading { get; init; }
    public required string NoReplies { get; init; }

    /// <summary>{0} is the UTC day the reply arrived.</summary>
    public required string ReplyHeading { get; init; }
    public required string Unreadable { get; init; }

    /// <summary>Shown instead of a reply that is not signed with the team key for this mailbox (P3).</summary>
    public required string Unverified { get; init; }
    public required string ResultPath { get; init; }
    public required string FollowupHeading { get; init; }
    public required string FollowupText { get; init; }
    public required string FollowupTextHint { get; init; }
    public required string FollowupFiles { get; init; }
    public required string FollowupButton { get; init; }
    public required string FollowupNotSentTitle { get; init; }
    public required string FollowupTooSoon { get; init; }
    public required string FollowupSentTitle { get; init; }
    public required string FollowupSentBody { get; init; }
    public required string FollowupPathHeading { get; init; }
    public required string FollowupPath { get; init; }
    public required string CloseAdvice { get; init; }
    public required string ProblemTitle { get; init; }
    public required string BackToMailbox { get; init; }
}
