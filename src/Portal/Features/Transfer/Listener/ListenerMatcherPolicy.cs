using Microsoft.AspNetCore.Routing.Matching;

namespace WhistleSubmit.Portal.Features.Transfer.Listener;

/// <summary>
/// Splits the one route table between the two listeners: on the transfer socket only endpoints marked
/// <see cref="TransferEndpoint"/> match, on the source socket only the others. Whatever matched on the wrong side
/// becomes a plain 404, as if the route did not exist. Fail-closed for new code: an endpoint someone adds later
/// without the marker is a source endpoint and never appears on the reviewers' listener.
/// </summary>
public sealed class ListenerMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // Before every other selector policy, so nothing later sees a candidate of the other side.
    public override int Order => int.MinValue;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        bool transfer = TransferConnection.Is(httpContext);
        for (int i = 0; i < candidates.Count; i++)
        {
            bool transferEndpoint = candidates[i].Endpoint.Metadata.GetMetadata<TransferEndpoint>() is not null;
            if (transferEndpoint != transfer)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
