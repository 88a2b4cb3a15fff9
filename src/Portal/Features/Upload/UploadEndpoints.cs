using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using WhistleSubmit.Crypto.Age;
using WhistleSubmit.Crypto.ProofOfWork;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Features.ProofOfWork;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>
/// The resumable upload protocol of docs/PORTAL.md#upload-api. Every limit that needs no body (size, index, Content-Length, upload
/// state) is checked before the body is read; a chunk is acknowledged only once it is fsynced, and a completion only
/// once the item is. Nothing about a request is logged.
/// </summary>
public static class UploadEndpoints
{
    private const int MaxCreateBodyBytes = 4 * 1024;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebApplicationBuilder AddUploads(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ChunkBodyReader>();
        return builder;
    }

    public static WebApplication MapUploads(this WebApplication app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<StoreProblemFilter>();
        api.MapGet("/config", GetConfig);
        api.MapPost("/uploads", Create);
        api.MapGet("/uploads/{uploadId}", GetStatus);
        api.MapPut("/uploads/{uploadId}/chunks/{index}", PutChunk);
        api.MapPost("/uploads/{uploadId}/complete", Complete);
        return app;
    }

    internal static IResult GetConfig(ReviewerKeys keys, IOptions<StoreOptions> options) => TypedResults.Ok(new PortalConfigResponse(
        keys.Envelope, options.Value.MaxUploadBytes, StoreOptions.ChunkSize, keys.IsDemo));

    internal static async Task<IResult> Create(
        HttpContext context, SourceStore store, ProofOfWorkAuthority pow, UploadPrice price, ProofOfWorkDifficultyPolicy load,
        IOptions<StoreOptions> options)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxCreateBodyBytes;
        }

        CreateUploadRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<CreateUploadRequest>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException or IOException)
        {
            // Kestrel's own verdict where it has one (413 over the limit, 408 too slow), else malformed.
            return ApiProblems.Status(e is BadHttpRequestException bad ? bad.StatusCode : 400);
        }

        ItemKind? kind = request?.Kind switch { "submission" => ItemKind.Submission, "followup" => ItemKind.Followup, _ => null };
        string? mailboxId = MailboxToken.ToMailboxId(request?.MailboxToken);
        if (request is null || kind is null || mailboxId is null || request.Size is not > 0)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest);
        }

        if (request.Size > options.Value.MaxUploadBytes)
        {
            return ApiProblems.Status(StatusCodes.Status413PayloadTooLarge);
        }

        // A challenge priced for a smaller upload buys no larger one (checked before it is spent; Verify checks the
        // signature of the difficulty read here).
        if (TokenBits(request.Pow?.Token) is { } bits && bits < price.MinimumFor(request.Size.Value))
        {
            return ApiProblems.Status(StatusCodes.Status403Forbidden);
        }

        // The load terms too: challenges collected while the portal was quiet buy nothing once a flood has raised the
        // price. 503 and not spent: the browser fetches a fresh challenge at the new price and tries again.
        if (TokenBits(request.Pow?.Token) is { } paid && !price.CoversLoad(paid, request.Size.Value))
        {
            return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable);
        }

        // Spent here, whatever follows: a solution buys one attempt, so probing quotas costs work too. Every create
        // counts towards the load, finished or not: uploads that are never completed are the cheap way to flood.
        switch (pow.Verify(request.Pow?.Token, request.Pow?.Nonce))
        {
            case ProofOfWorkVerdict.Accepted:
                load.RecordAccepted();
                break;
            case ProofOfWorkVerdict.Busy:
                return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable);
            default:
                return ApiProblems.Status(StatusCodes.Status403Forbidden);
        }

        if (kind == ItemKind.Followup && !store.MailboxExists(mailboxId))
        {
            return ApiProblems.Status(StatusCodes.Status404NotFound);
        }

        var session = store.CreateUpload(kind.Value, mailboxId, request.Size.Value);
        return TypedResults.Created(
            $"/api/uploads/{session.Id}", new CreateUploadResponse(session.Id, StoreOptions.ChunkSize, session.Expires));
    }

    internal static IResult GetStatus(string uploadId, SourceStore store) => store.FindUpload(uploadId) is { } s
        ? TypedResults.Ok(new UploadStatusResponse(s.Received, s.NextChunk, s.Size))
        : ApiProblems.Status(StatusCodes.Status404NotFound);

    internal static async Task<IResult> PutChunk(string uploadId, string index, HttpContext context, SourceStore store, ChunkBodyReader reader)
    {
        // Up to a chunk even for an early refusal (404/409): Kestrel then drains the announced body and the client
        // reads our status, instead of a connection reset under its upload.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = StoreOptions.ChunkSize;
        }

        if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int chunkIndex))
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest);
        }

        if (store.FindUpload(uploadId) is not { } session)
        {
            return ApiProblems.Status(StatusCodes.Status404NotFound);
        }

        long? declared = context.Request.ContentLength;
        if (chunkIndex >= ChunkedBlob.ChunkCount(session.Size) || declared > StoreOptions.ChunkSize)
        {
            return ApiProblems.Status(StatusCodes.Status413PayloadTooLarge);
        }

        int expected = (int)ChunkedBlob.ChunkLength(session.Size, chunkIndex);
        if (declared > expected)
        {
            return ApiProblems.Status(StatusCodes.Status413PayloadTooLarge);
        }

        // One body per upload at a time: a second request for the same upload while one is arriving is refused at
        // once, holding no buffer (a client whose earlier request died asks where it stands and sends again).
        if (!store.TryBeginChunkBody(uploadId))
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict);
        }

        try
        {
            return await PutChunkBodyAsync(uploadId, chunkIndex, session, declared, expected, context, store, reader);
        }
        finally
        {
            store.EndChunkBody(uploadId);
        }
    }

    private static async Task<IResult> PutChunkBodyAsync(
        string uploadId, int chunkIndex, UploadSession session, long? declared, int expected, HttpContext context, SourceStore store, ChunkBodyReader reader)
    {
        // A retry of a stored chunk: its length decides (docs/PORTAL.md#upload-api). The body is read and dropped so the client sees
        // the 204 instead of a connection closed under its upload.
        if (chunkIndex < session.NextChunk)
        {
            if (declared != expected)
            {
                return ApiProblems.Status(StatusCodes.Status409Conflict);
            }

            var (retryStatus, retryBuffer) = await reader.ReadAsync(context, expected);
            if (retryBuffer is null)
            {
                return ApiProblems.Status(retryStatus ?? StatusCodes.Status400BadRequest);
            }

            reader.Return(retryBuffer);
            return TypedResults.NoContent();
        }

        if (chunkIndex > session.NextChunk)
        {
            return ApiProblems.Status(StatusCodes.Status409Conflict);
        }

        if (declared < expected)
        {
            return ApiProblems.Status(StatusCodes.Status400BadRequest);
        }

        var (status, buffer) = await reader.ReadAsync(context, expected);
        if (buffer is null)
        {
            return ApiProblems.Status(status ?? StatusCodes.Status400BadRequest);
        }

        try
        {
            return store.StoreChunk(uploadId, chunkIndex, buffer, expected) switch
            {
                ChunkOutcome.Stored or ChunkOutcome.AlreadyStored => TypedResults.NoContent(),
                ChunkOutcome.UnknownUpload => ApiProblems.Status(StatusCodes.Status404NotFound),
                ChunkOutcome.PastEnd => ApiProblems.Status(StatusCodes.Status413PayloadTooLarge),
                _ => ApiProblems.Status(StatusCodes.Status409Conflict),
            };
        }
        finally
        {
            reader.Return(buffer);
        }
    }

    internal static IResult Complete(string uploadId, SourceStore store, ReviewerKeys keys)
    {
        string stanzaType = keys.Recipients[0] is X25519Recipient ? X25519Recipient.StanzaType : MlKem768X25519Recipient.StanzaType;
        var (outcome, itemId) = store.CompleteUpload(uploadId, data => IsForOurRecipients(data, stanzaType, keys.Recipients.Count));
        switch (outcome)
        {
            case CompleteOutcome.Stored:
                return TypedResults.Created((string?)null, new CompleteUploadResponse(itemId!));
            case CompleteOutcome.Incomplete:
                return ApiProblems.Status(StatusCodes.Status409Conflict);
            case CompleteOutcome.NotAgeFile:
                return ApiProblems.Status(StatusCodes.Status422UnprocessableEntity);
            default:
                return ApiProblems.Status(StatusCodes.Status404NotFound);
        }
    }

    private static int? TokenBits(string? token)
    {
        try
        {
            return token is null ? null : ChallengeToken.Parse(token).DifficultyBits;
        }
        catch (ProofOfWorkException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether an upload starts with a well-formed age v1 header with one stanza of our type for each of our
    /// recipients. Shape only: the portal holds no identity and never decrypts (invariant 5); this keeps obvious junk out.
    /// </summary>
    private static bool IsForOurRecipients(Stream data, string stanzaType, int recipientCount)
    {
        try
        {
            AgeHeaderInfo header = AgeEncryption.Inspect(data);
            return header.StanzaCount == recipientCount && header.StanzaTypes.All(t => t == stanzaType);
        }
        catch (AgeException)
        {
            return false;
        }
    }
}
