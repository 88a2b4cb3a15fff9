using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using WhistleSubmit.Crypto.Codenames;
using WhistleSubmit.Crypto.Containers;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Features.NoScript;
using WhistleSubmit.Portal.Localization;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>
/// The no-JS mailbox: the codename is turned into the source's keys on the server (rate-limited), replies are
/// decrypted in memory with the reply identity for this one response and shown only if signed with the team key for
/// this mailbox, and follow-ups post like the report form.
/// Antiforgery is checked by hand: automatically it would read, and buffer, the multipart follow-up.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class MailboxModel(
    FormTokens tickets, NoJsFormGate gate, SubmissionSealer sealer, CodenameGate codenames, IAntiforgery antiforgery, SourceStore store,
    PortalTeamKey team)
    : PageModel
{
    public const string CodenameField = "codename";

    public string FormToken { get; private set; } = string.Empty;

    /// <summary>Set once the mailbox is open: the hidden field of the follow-up form (64 hex, as the upload API takes it).</summary>
    public string? MailboxToken { get; private set; }

    /// <summary>Set with <see cref="MailboxToken"/>: the follow-up form's hidden case key (64 hex), for message.json v2.</summary>
    public string? CaseKey { get; private set; }

    public IReadOnlyList<ReplyView>? Replies { get; private set; }

    /// <summary>Shown above the codename form: not found, or busy.</summary>
    public string? Notice { get; private set; }

    public bool FollowupTextMissing { get; private set; }

    /// <summary>The follow-up came before its ticket was old enough: the form is shown again with its text.</summary>
    public bool FollowupTooSoon { get; private set; }

    /// <summary>What the source typed, when the form is shown again.</summary>
    public string? FollowupText { get; private set; }

    public string? FollowupReceipt { get; private set; }

    public FormProblem? Problem { get; private set; }

    /// <summary>Set once a consent answer is stored: its receipt.</summary>
    public string? ConsentReceipt { get; private set; }

    /// <summary>A consent answer came without any yes or no.</summary>
    public bool ConsentMissing { get; private set; }

    public NoJsOptions Limits => gate.Limits;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostOpenAsync()
    {
        var text = Languages.Current(RouteData).Mailbox;
        if (!Request.HasFormContentType || Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true
            || !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return Refuse(FormProblem.BadToken);
        }

        // A malformed codename says what is wrong with it (the list is public, so this tells an attacker nothing).
        string typed = (await Request.ReadFormAsync()).TryGetValue(CodenameField, out var values) ? values.ToString() : string.Empty;
        if (!Codename.TryNormalize(typed, out string? normalized))
        {
            return ShowNotice(CodenameProblem.Explain(typed, text), StatusCodes.Status400BadRequest);
        }

        using var keys = await codenames.TryDeriveAsync(normalized, HttpContext.RequestAborted);
        if (keys is null)
        {
            return ShowNotice(text.Busy, StatusCodes.Status429TooManyRequests);
        }

        if (!store.MailboxExists(keys.MailboxId))
        {
            return ShowNotice(text.NotFound, StatusCodes.Status404NotFound);
        }

        Replies = ReplyDecryptor.Open(keys, store.ListReplies(keys.MailboxId), team.Public);
        store.MarkRepliesRead(keys.MailboxId);
        MailboxToken = Convert.ToHexStringLower(keys.MailboxToken);
        CaseKey = Convert.ToHexStringLower(keys.CaseKey);
        FormToken = tickets.Issue();
        return Page();
    }

    public async Task<IActionResult> OnPostFollowupAsync()
    {
        var language = Languages.Current(RouteData);
        using var form = new ReceivedForm();
        try
        {
            var (reader, tooSoon) = await gate.OpenAllowingTooSoonAsync(HttpContext);
            var (token, mailboxId, caseKey) = await ReadMailboxAsync(reader);

            await reader.ReadRestAsync(form, ReportFields.FollowupLimits, 1);
            string? message = ReportFormParser.Text(form, ReportFields.Text);
            if (message is null || tooSoon)
            {
                // Shown again rather than refused: Back would lose the text (the post is not cached, by design).
                FollowupTextMissing = message is null;
                FollowupTooSoon = tooSoon;
                FollowupText = message;
                MailboxToken = token;
                CaseKey = caseKey;
                FormToken = tickets.Issue();
                Response.StatusCode = tooSoon ? new FormRejectedException(FormProblem.TooSoon).StatusCode : StatusCodes.Status400BadRequest;
                return Page();
            }

            var followup = new MessageV1
            {
                V = 3,
                CaseKey = caseKey,
                MailboxId = mailboxId,
                Text = message,
                Attachments = [.. form.Files.Select(f => new AttachmentInfo { Name = f.OriginalName, Size = f.Length, Copy = AttachmentCopy.Original })],
                Client = new ClientFacts { Language = language.Code == "es" ? Language.Es : Language.En, EncryptedBy = EncryptedBy.Server },
            };
            FollowupReceipt = await NoJsFormGate.StoreAsync(() => sealer.SealAsync(store, mailboxId, followup, form.Files));
            return Page();
        }
        catch (FormRejectedException e)
        {
            return Refuse(e.Problem);
        }
    }

    /// <summary>
    /// The leading fields of a post from the mailbox page: its mailbox token (which must name an existing mailbox) and
    /// the case key. The server cannot check the case key against the mailbox (both are one-way from the codename); the
    /// reviewers' console groups by it, so a wrong one only puts the item into a case of its own, flagged.
    /// </summary>
    private async Task<(string Token, string MailboxId, string CaseKey)> ReadMailboxAsync(StreamedFormReader reader)
    {
        string token = await reader.ReadLeadingFieldAsync(ReportFields.MailboxToken, 64);
        byte[]? tokenBytes = token.Length == 64 && token.All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(token) : null;
        string? mailboxId = tokenBytes is null ? null : SourceKeys.MailboxIdFromToken(tokenBytes);
        if (mailboxId is null || !store.MailboxExists(mailboxId))
        {
            throw new FormRejectedException(FormProblem.NoMailbox);
        }

        string caseKey = await reader.ReadLeadingFieldAsync(ReportFields.CaseKey, 64);
        if (caseKey.Length != 64 || !caseKey.All(char.IsAsciiHexDigitLower))
        {
            throw new FormRejectedException(FormProblem.NoMailbox);
        }

        return (token, mailboxId, caseKey);
    }

    /// <summary>
    /// A consent answer without JavaScript: the same gate, tokens and sealing as a follow-up, but the container holds
    /// consent.json (FORMATS.md, Consent answer). The server never saw which destinations were asked (it decrypted
    /// the request for one earlier response only), so it takes any destination answered; the console records only
    /// answers to what its request asked.
    /// </summary>
    public async Task<IActionResult> OnPostConsentAsync()
    {
        var language = Languages.Current(RouteData);
        using var form = new ReceivedForm();
        try
        {
            // Nothing typed to keep: a ticket sent too soon is refused, as on the report form.
            StreamedFormReader reader = await gate.OpenAsync(HttpContext);
            var (_, mailboxId, caseKey) = await ReadMailboxAsync(reader);

            await reader.ReadRestAsync(form, ConsentFields.Limits, ConsentFields.Limits.Count);
            string? request = form.Single(ConsentForm.RequestField);
            var answers = ConsentFields.Answers(form);
            if (form.Files.Count > 0 || request is not { Length: 32 } || !request.All(char.IsAsciiHexDigitLower))
            {
                throw new FormRejectedException(FormProblem.BadToken);
            }

            if (answers.Count == 0)
            {
                ConsentMissing = true;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }

            var consent = new ConsentAnswerV1
            {
                CaseKey = caseKey,
                MailboxId = mailboxId,
                Request = request,
                Answers = answers,
                Client = new ClientFacts { Language = language.Code == "es" ? Language.Es : Language.En, EncryptedBy = EncryptedBy.Server },
            };
            ConsentReceipt = await NoJsFormGate.StoreAsync(() => sealer.SealAsync(store, mailboxId, consent));
            return Page();
        }
        catch (FormRejectedException e)
        {
            return Refuse(e.Problem);
        }
    }

    private PageResult ShowNotice(string notice, int status)
    {
        Notice = notice;
        Response.StatusCode = status;
        return Page();
    }

    private PageResult Refuse(FormProblem problem)
    {
        Problem = problem;
        Response.StatusCode = new FormRejectedException(problem).StatusCode;
        return Page();
    }
}
