namespace WhistleSubmit.Portal.Localization;

/// <summary>The English strings of the mailbox (part of <see cref="EnglishText"/>).</summary>
public static class EnglishMailboxText
{
    public static readonly MailboxText Instance = new()
    {
        LinkText = "Check for replies",
        Title = "Check for replies",
        Intro = "Enter the codename you received when you sent your report: eight words. You will see the " +
            "reviewers' replies and can send more information.",
        PathHeading = "How your replies are protected",
        PathServer = "JavaScript is off in your browser, so the server will turn your codename into your keys " +
            "and decrypt the replies in its memory, only to show them to you now; nothing decrypted is kept. " +
            "With JavaScript on, your browser does this itself and the server never sees your codename.",
        CodenameLabel = "Codename",
        CodenameHint = "Eight words separated by spaces. Capital letters do not matter.",
        OpenButton = "Open my mailbox",
        NotFound = "No mailbox found for this codename. Check the words and try again.",
        Busy = "Many people are checking right now. Please wait a minute and try again.",
        WrongWordCount = "A codename has eight words; you entered {0}. Check that no word is missing, joined or split.",
        UnknownWord = "“{0}” is not one of the codename words. Check its spelling.",
        RepliesHeading = "Replies from the reviewers",
        NoReplies = "There are no replies yet. Reviewers may take several days. Please check again later.",
        ReplyHeading = "Reply received on {0} (UTC)",
        Unreadable = "This reply could not be decrypted. The reviewers will be told if you mention it in a message.",
        Unverified = "Warning: this reply is not signed by the reviewers, so it is not shown. Someone else, such as whoever controls this server, "
            + "may have written or changed it. Do not act on it; you can tell the reviewers in a message.",
        ResultPath = "The server decrypted these replies in its memory with keys made from your codename, only " +
            "to show them now. It did not store your codename or the decrypted text. Replies you have seen are " +
            "marked as read, so they can be deleted later.",
        FollowupHeading = "Send more information",
        FollowupText = "Your message",
        FollowupTextHint = "Answer the reviewers' questions or add what you remember. The same care applies: " +
            "leave out details only you would know.",
        FollowupFiles = "Attach files",
        FollowupButton = "Encrypt and send",
        FollowupNotSentTitle = "Your message was not sent yet",
        FollowupTooSoon = "The form was sent within seconds of loading. To slow down floods it must wait a moment. " +
            "Nothing was stored. Your message is kept below: wait a few seconds and send it again.",
        FollowupSentTitle = "Your message was received",
        FollowupSentBody = "It is stored encrypted for the reviewers, together with your report. Receipt:",
        FollowupPathHeading = "How your message was protected",
        FollowupPath = "Because JavaScript was off, the server encrypted your message and files in its memory " +
            "as they arrived and stored only the encrypted result.",
        CloseAdvice = "When you are done, close Tor Browser.",
        ProblemTitle = "That did not work",
        BackToMailbox = "Back to the mailbox",
    };
}
