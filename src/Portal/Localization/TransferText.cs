namespace WhistleSubmit.Portal.Localization;

/// <summary>
/// Every string of the reviewers' transfer interface, for one language (EnglishTransferText, SpanishTransferText).
/// Required properties: a language that misses one does not compile. {0}, {1} are filled in by the page.
/// </summary>
public sealed record TransferText
{
    public required string Code { get; init; }
    public required string SiteName { get; init; }
    public required string SkipToContent { get; init; }
    public required string LanguageLabel { get; init; }
    public required string NavigationLabel { get; init; }
    public required string NavDashboard { get; init; }
    public required string NavReplies { get; init; }
    public required string NavConfirm { get; init; }
    public required string NavAudit { get; init; }
    public required string LogOut { get; init; }

    /// <summary>{0}: the account name.</summary>
    public required string SignedInAs { get; init; }

    /// <summary>{0}: idle minutes, {1}: absolute hours.</summary>
    public required string SessionNote { get; init; }
    public required string ProblemTitle { get; init; }
    public required string BadForm { get; init; }

    public required string LoginTitle { get; init; }
    public required string LoginIntro { get; init; }
    public required string NameLabel { get; init; }
    public required string PasswordLabel { get; init; }
    public required string CodeLabel { get; init; }
    public required string CodeHint { get; init; }
    public required string LoginButton { get; init; }
    public required string LoginFailed { get; init; }
    public required string CodeAlreadyUsed { get; init; }

    /// <summary>{0}: whole minutes to wait (at least 1).</summary>
    public required string Throttled { get; init; }
    public required string LoggedOut { get; init; }

    public required string PassTitle { get; init; }
    public required string PassIntro { get; init; }
    public required string PassNewLabel { get; init; }
    public required string PassRepeatLabel { get; init; }
    public required string PassHint { get; init; }
    public required string PassButton { get; init; }
    public required string PassTooShort { get; init; }
    public required string PassMismatch { get; init; }
    public required string PassSame { get; init; }
    public required string PassChanged { get; init; }

    public required string DashTitle { get; init; }
    public required string WaitingHeading { get; init; }

    /// <summary>{0} submissions, {1} follow-ups, {2} total size.</summary>
    public required string WaitingSummary { get; init; }

    /// <summary>{0}: days the oldest item has waited.</summary>
    public required string OldestWaiting { get; init; }
    public required string NothingWaiting { get; init; }
    public required string ItemsCaption { get; init; }
    public required string ColKind { get; init; }
    public required string ColDay { get; init; }
    public required string ColSize { get; init; }
    public required string ColId { get; init; }
    public required string KindSubmission { get; init; }
    public required string KindFollowup { get; init; }
    public required string PrepareHeading { get; init; }
    public required string PrepareIntro { get; init; }
    public required string PrepareButton { get; init; }
    public required string NothingToExport { get; init; }

    /// <summary>{0}: item count, {1}: size.</summary>
    public required string Prepared { get; init; }
    public required string ShaLabel { get; init; }
    public required string PendingHeading { get; init; }
    public required string PendingIntro { get; init; }
    public required string PendingNone { get; init; }
    public required string PendingCaption { get; init; }
    public required string ColBundle { get; init; }
    public required string ColItems { get; init; }
    public required string ColExported { get; init; }
    public required string ColDownload { get; init; }

    /// <summary>{0}: the first characters of the SHA-256, for a distinct link text.</summary>
    public required string Download { get; init; }
    public required string RetentionHeading { get; init; }

    /// <summary>{0}: exported warn days, {1}: reply read days, {2}: reply max days.</summary>
    public required string RetentionRules { get; init; }

    /// <summary>{0}: count, {1}: days.</summary>
    public required string WarnUnexported { get; init; }

    /// <summary>{0}: SHA-256, {1}: days.</summary>
    public required string WarnExported { get; init; }

    public required string RepliesTitle { get; init; }
    public required string RepliesIntro { get; init; }
    public required string ReceiptTitle { get; init; }
    public required string ReceiptIntro { get; init; }
    public required string FileLabel { get; init; }
    public required string UploadButton { get; init; }
    public required string DoneHeading { get; init; }

    /// <summary>{0} stored, {1} already here, {2} skipped.</summary>
    public required string ImportedSummary { get; init; }
    public required string StoredIds { get; init; }
    public required string PresentIds { get; init; }
    public required string SkippedIds { get; init; }

    /// <summary>{0} deleted, {1} already gone, {2} bundle SHA-256.</summary>
    public required string ConfirmedSummary { get; init; }
    public required string AlreadyConfirmed { get; init; }
    public required string ConfirmedCompacted { get; init; }
    public required string ConfirmedNotCompacted { get; init; }
    public required string DeletedIds { get; init; }
    public required string MissingIds { get; init; }
    public required string BundleComplete { get; init; }
    public required string BundleIncomplete { get; init; }
    public required string NotABundle { get; init; }
    public required string NotReplies { get; init; }
    public required string NotAReceipt { get; init; }
    public required string UnknownExport { get; init; }
    public required string UnsignedReceipt { get; init; }

    /// <summary>{0} is the team key fingerprint the receipt names, or a note that its signature does not verify.</summary>
    public required string ForeignReceipt { get; init; }
    public required string UnsignedReplies { get; init; }

    /// <summary>{0} as for <see cref="ForeignReceipt"/>.</summary>
    public required string ForeignReplies { get; init; }

    /// <summary>{0} is the console's audit-chain head (64 hex digits) the signed receipt carried.</summary>
    public required string ConsoleAuditHead { get; init; }
    public required string BadSignature { get; init; }
    public required string TooLarge { get; init; }
    public required string StoreFull { get; init; }

    public required string AuditTitle { get; init; }
    public required string AuditIntro { get; init; }
    public required string ChainIntact { get; init; }
    public required string ChainBroken { get; init; }
    public required string AuditCaption { get; init; }
    public required string ColTime { get; init; }
    public required string ColAccount { get; init; }
    public required string ColAction { get; init; }
    public required string ColDetail { get; init; }
}
