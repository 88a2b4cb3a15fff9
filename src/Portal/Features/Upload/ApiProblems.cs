namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>
/// ProblemDetails with a generic title per status: nothing from the request, the store or an exception is echoed
/// (docs/DEVELOPMENT.md#three-kinds-of-failure).
/// </summary>
public static class ApiProblems
{
    public static IResult Status(int status) => TypedResults.Problem(statusCode: status, title: Title(status));

    private static string Title(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "The request is malformed.",
        StatusCodes.Status403Forbidden => "The proof of work is missing, wrong, expired or already used.",
        StatusCodes.Status404NotFound => "Not found.",
        StatusCodes.Status408RequestTimeout => "The request body arrived too slowly.",
        StatusCodes.Status409Conflict => "The upload is not in the state this request needs.",
        StatusCodes.Status413PayloadTooLarge => "Too large.",
        StatusCodes.Status422UnprocessableEntity => "The upload is not an age file for this portal's reviewers.",
        StatusCodes.Status429TooManyRequests => "Too many uploads for this mailbox; try again later.",
        StatusCodes.Status503ServiceUnavailable => "The portal cannot accept this now; try again later.",
        _ => "The request failed.",
    };
}
