namespace WhistleSubmit.Portal.Logging;

/// <summary>
/// The outermost handler for unhandled exceptions. It logs the exception's type and stack trace only: a message
/// can quote request data (a path, a header, a form value), a stack trace cannot. The client gets a bare 500, or
/// the status of Kestrel's own rejection of the request.
/// </summary>
public sealed partial class PrivateExceptionHandler(RequestDelegate next, ILogger<PrivateExceptionHandler> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            // Caught here rather than left to Kestrel, whose own log line for it carries connection and request ids.
            // A source closing the tab or losing the circuit mid-request is not an error worth a line.
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            // Kestrel's verdict on the request itself (a body over its size limit: 413, too slow: 408, malformed
            // chunking: 400), met by code that read the body without expecting it: the client's fault, answered
            // with Kestrel's own status and not logged as a server error.
            bool rejected = exception is BadHttpRequestException;
            if (!rejected)
            {
                LogUnhandled(logger, Describe(exception));
            }

            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            // Clear() also drops headers set so far; the security headers are added when the response starts.
            context.Response.Clear();
            context.Response.StatusCode = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>Type names and stack frames of the exception and its inner exceptions, without their messages.</summary>
    internal static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            parts.Add($"{e.GetType().FullName}{Environment.NewLine}{e.StackTrace}");
        }

        return string.Join($"{Environment.NewLine}--- inner ---{Environment.NewLine}", parts);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception (message withheld): {Details}")]
    private static partial void LogUnhandled(ILogger logger, string details);
}
