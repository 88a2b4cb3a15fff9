using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Features.Upload;

/// <summary>Turns the store's refusals into their statuses for every API endpoint: 503 full, 429 quota, 413 limit.</summary>
public sealed class StoreProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (PortalStoreFullException)
        {
            return ApiProblems.Status(StatusCodes.Status503ServiceUnavailable);
        }
        catch (PortalStoreQuotaException)
        {
            return ApiProblems.Status(StatusCodes.Status429TooManyRequests);
        }
        catch (PortalStoreLimitException)
        {
            return ApiProblems.Status(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
