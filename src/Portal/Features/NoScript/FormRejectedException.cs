namespace WhistleSubmit.Portal.Features.NoScript;

/// <summary>A no-JS post that cannot be accepted. Carries only the kind: never a field value or a file name.</summary>
public sealed class FormRejectedException(FormProblem problem, Exception? inner = null)
    : Exception("The form was refused.", inner)
{
    public FormProblem Problem { get; } = problem;

    public int StatusCode => Problem switch
    {
        FormProblem.TooLarge or FormProblem.TooManyFiles => StatusCodes.Status413PayloadTooLarge,
        FormProblem.BadToken or FormProblem.TooSoon or FormProblem.Expired or FormProblem.Reused => StatusCodes.Status403Forbidden,
        FormProblem.Busy => StatusCodes.Status429TooManyRequests,
        FormProblem.Unavailable => StatusCodes.Status503ServiceUnavailable,
        FormProblem.NoMailbox => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };
}
