using WhistleSubmit.Portal.Features.Upload;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Mailbox;

/// <summary>
/// The JS path's mailbox: replies as ciphertext (the browser decrypts them with the codename's reply identity) and
/// marking them read. The token comes in a header, never the URL, so it cannot end up in any request line.
/// </summary>
public static class MailboxApiEndpoints
{
    public const string TokenHeader = "X-Mailbox-Token";

    public static WebApplication MapMailboxApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/mailbox").AddEndpointFilter<StoreProblemFilter>();
        api.MapGet("/replies", GetReplies);
        api.MapPost("/read", MarkRead);
        return app;
    }

    internal static IResult GetReplies(HttpContext context, SourceStore store)
    {
        if (MailboxToken.ToMailboxId(context.Request.Headers[TokenHeader]) is not { } mailboxId)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest);
        }

        // The replies query runs for unknown mailboxes too, so known-empty and unknown take about the same time.
        var replies = store.ListReplies(mailboxId);
        if (!store.MailboxExists(mailboxId))
        {
            return ApiProblems.Status(StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(new RepliesResponse([.. replies.Select(r => new ReplyDto(r.Id, r.Day, Convert.ToBase64String(r.Ciphertext)))]));
    }

    internal static IResult MarkRead(HttpContext context, SourceStore store)
    {
        if (MailboxToken.ToMailboxId(context.Request.Headers[TokenHeader]) is not { } mailboxId)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest);
        }

        if (!store.MailboxExists(mailboxId))
        {
            return ApiProblems.Status(StatusCodes.Status404NotFound);
        }

        store.MarkRepliesRead(mailboxId);
        return TypedResults.NoContent();
    }
}
