namespace WhistleSubmit.Portal.Localization;

/// <summary>The English strings of the reviewers' transfer interface: for legal reviewers, precise and short.</summary>
public static class EnglishTransferText
{
    public static readonly TransferText Instance = new()
    {
        Code = "en",
        SiteName = "WhistleSubmit · reviewers",
        SkipToContent = "Skip to main content",
        LanguageLabel = "Language",
        NavigationLabel = "Transfer",
        NavDashboard = "Waiting items and bundles",
        NavReplies = "Upload replies",
        NavConfirm = "Upload import receipt",
        NavAudit = "Audit log",
        LogOut = "Log out",
        SignedInAs = "Signed in as {0}",
        SessionNote = "Sessions live in the portal's memory only: restarting the portal logs everyone out. A session " +
            "ends after {0} minutes without use and {1} hours after login.",
        ProblemTitle = "That did not work",
        BadForm = "The form's safety check failed (it may have been open too long, or the portal restarted). Nothing " +
            "was changed. Load the page again and retry.",

        LoginTitle = "Reviewer login",
        LoginIntro = "Enter your account name, your passphrase and the current six-digit code from your authenticator app.",
        NameLabel = "Account name",
        PasswordLabel = "Passphrase",
        CodeLabel = "Code from the authenticator app",
        CodeHint = "Six digits. Each code works once.",
        LoginButton = "Log in",
        LoginFailed = "The name, password or code is not right.",
        CodeAlreadyUsed = "That code was already used. Wait for the next code from your authenticator app (at most 30 seconds), then log in with it.",
        Throttled = "Too many attempts. Wait {0} minutes and try again.",
        LoggedOut = "You are logged out.",

        PassTitle = "Choose your passphrase",
        PassIntro = "Your password was a one-time password. Choose a passphrase that only you know before you continue.",
        PassNewLabel = "New passphrase",
        PassRepeatLabel = "New passphrase again",
        PassHint = "At least 16 characters. Several unrelated words are easy to type and hard to guess.",
        PassButton = "Save the passphrase",
        PassTooShort = "The passphrase must have at least 16 characters (and at most 1024).",
        PassMismatch = "The two passphrases differ.",
        PassSame = "Choose a passphrase different from the one-time password.",
        PassChanged = "Your passphrase is saved. Other sessions of this account have ended.",

        DashTitle = "Waiting items and bundles",
        WaitingHeading = "Waiting for export",
        WaitingSummary = "{0} new submissions and {1} follow-ups, {2} in all (padded sizes).",
        OldestWaiting = "The oldest has waited {0} days.",
        NothingWaiting = "Nothing waits for export.",
        ItemsCaption = "Items not yet exported, oldest first",
        ColKind = "Kind",
        ColDay = "Day received (UTC)",
        ColSize = "Padded size",
        ColId = "Item id",
        KindSubmission = "Submission",
        KindFollowup = "Follow-up",
        PrepareHeading = "Next submissions bundle",
        PrepareIntro = "Preparing a bundle puts every waiting item into one file and marks them exported, exactly as " +
            "whistle-portal export does. The items stay on the portal until an import receipt confirms them.",
        PrepareButton = "Prepare the bundle",
        NothingToExport = "There was nothing to export.",
        Prepared = "Bundle ready: {0} items, {1}. Compare this SHA-256 on the air-gapped computer before importing.",
        ShaLabel = "SHA-256",
        PendingHeading = "Bundles waiting for an import receipt",
        PendingIntro = "Download a bundle here (again, if a download failed). After importing it on the air-gapped " +
            "computer, upload the receipt the console wrote: only then are its items deleted from the portal.",
        PendingNone = "No bundle waits for a receipt.",
        PendingCaption = "Exported bundles without a receipt",
        ColBundle = "Bundle SHA-256",
        ColItems = "Items",
        ColExported = "Exported (UTC)",
        ColDownload = "File",
        Download = "Download bundle {0}",
        RetentionHeading = "Retention",
        RetentionRules = "Nothing a source sent is deleted before a receipt confirms it. Exported items without a receipt " +
            "are flagged after {0} days. Replies the source has read are deleted {1} days after import, and after {2} days in any case.",
        WarnUnexported = "{0} items have waited {1} days or more for export.",
        WarnExported = "Bundle {0} was exported {1} days ago and has no import receipt yet.",

        RepliesTitle = "Upload replies",
        RepliesIntro = "Upload the replies bundle (.wsbundle) the console wrote. It is checked whole before anything is " +
            "stored; uploading the same bundle twice stores nothing twice.",
        ReceiptTitle = "Upload import receipt",
        ReceiptIntro = "Upload the receipt (.json) the console wrote after importing a submissions bundle. The portal " +
            "then deletes the items of that bundle that the receipt lists, and only those.",
        FileLabel = "File",
        UploadButton = "Upload",
        DoneHeading = "Done",
        ImportedSummary = "{0} replies stored, {1} were already here, {2} skipped (this portal has no such mailbox).",
        StoredIds = "Stored",
        PresentIds = "Already here",
        SkippedIds = "Skipped",
        ConfirmedSummary = "{0} items deleted and {1} already gone, for bundle {2}.",
        AlreadyConfirmed = "Bundle {0} was already confirmed: its items were deleted then. Nothing to do.",
        ConfirmedCompacted = "The store was compacted: the deleted items are in none of its files.",
        ConfirmedNotCompacted = "The store could not be compacted now (it was busy or the disk is full): the deleted items' encrypted data may stay in its files until a later deletion compacts it.",
        DeletedIds = "Deleted",
        MissingIds = "Already gone",
        BundleComplete = "Every item of this bundle is now confirmed; its file was removed from the portal.",
        BundleIncomplete = "Some items of this bundle are not confirmed yet; the bundle stays listed.",
        NotABundle = "This is not a valid bundle, or it is over the limits. Nothing was stored.",
        NotReplies = "This is a submissions bundle, not a replies bundle. Nothing was stored.",
        NotAReceipt = "This is not a valid import receipt. Nothing was deleted.",
        UnknownExport = "No bundle waiting for a receipt has this SHA-256. Nothing was deleted.",
        UnsignedReceipt = "This is an unsigned (version 1) receipt, and the portal deletes only on a receipt signed with the team key. "
            + "Nothing was deleted. On the console, run 'whistle-review import' on the same bundle again: it changes nothing in the vault and writes a signed receipt.",
        ForeignReceipt = "This receipt is not signed with this portal's team key ({0}). Nothing was deleted. Check that the portal's team.pub is the "
            + "reviewers' team key ('whistle-review team show'), then run 'whistle-review import' on the bundle again for a receipt signed with it.",
        UnsignedReplies = "This replies bundle is not signed with the team key (its manifest is unsigned). Nothing was stored. "
            + "Replies come only from the reviewers' console: export them again there with 'whistle-review export-replies', which signs the bundle.",
        ForeignReplies = "This replies bundle is not signed with this portal's team key ({0}). Nothing was stored. "
            + "Check that the portal's team.pub is the reviewers' team key ('whistle-review team show').",
        ConsoleAuditHead = "The receipt was signed with the team key; the console's audit-chain head it carries, now recorded here: {0}",
        BadSignature = "its signature does not verify",
        TooLarge = "The file is larger than this form accepts. Nothing was stored.",
        StoreFull = "The portal's disk is full. Nothing was changed. Tell the operator.",

        AuditTitle = "Audit log",
        AuditIntro = "Logins, failures, lockouts, downloads, uploads and confirmations on this interface, newest first " +
            "(the last 500). Operator commands are listed as (operator).",
        ChainIntact = "The log's hash chain is intact: no entry was changed or removed.",
        ChainBroken = "The log's hash chain is broken: an entry was changed or removed outside the portal.",
        AuditCaption = "Audit entries, newest first",
        ColTime = "Day (UTC)",
        ColAccount = "Account",
        ColAction = "Action",
        ColDetail = "Detail",
    };
}
