using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Features.SourceStore;

namespace WhistleSubmit.Portal.Features.Submit;

/// <summary>
/// The start of every no-JS multipart post: opens the streamed reader and checks the two tokens the page puts first
/// (antiforgery, then the single-use ticket) before a single file byte is read. Antiforgery is checked through its
/// header so that ASP.NET never reads (and buffers to disk) the form itself.
/// </summary>
public sealed class NoJsFormGate(
    FormTokens tickets,
    IAntiforgery antiforgery,
    IOptions<AntiforgeryOptions> antiforgeryOptions,
    IOptions<NoJsOptions> options,
    IOptions<PortalOptions> portal,
    ISourceStore store)
{
    public NoJsOptions Limits => options.Value;

    /// <summary>Where spooled (encrypted) attachments wait for the rest of the form: inside the data directory.</summary>
    public string SpoolDirectory => Path.Combine(portal.Value.DataDirectoryFullPath, "spool");

    public ISourceStore Store => store;

    public async Task<StreamedFormReader> OpenAsync(HttpContext context)
    {
        DataDirectory.Ensure(SpoolDirectory);
        var reader = StreamedFormReader.Open(context, Limits, SpoolDirectory);
        string header = antiforgeryOptions.Value.HeaderName
            ?? throw new InvalidOperationException("Antiforgery must accept its token in a header for streamed forms.");
        context.Request.Headers[header] = await reader.ReadLeadingFieldAsync(ReportFields.Antiforgery, 1024);
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            throw new FormRejectedException(FormProblem.BadToken);
        }

        FormProblem? problem = tickets.Spend(await reader.ReadLeadingFieldAsync(ReportFields.FormToken, 512)) switch
        {
            FormTokenCheck.Valid => null,
            FormTokenCheck.TooSoon => FormProblem.TooSoon,
            FormTokenCheck.Expired => FormProblem.Expired,
            FormTokenCheck.Reused => FormProblem.Reused,
            FormTokenCheck.Busy => FormProblem.Busy,
            _ => FormProblem.BadToken,
        };
        return problem is null ? reader : throw new FormRejectedException(problem.Value);
    }

    /// <summary>Runs a store call, turning its refusals into the page's problems.</summary>
    public static async Task<T> StoreAsync<T>(Func<Task<T>> store)
    {
        try
        {
            return await store();
        }
        catch (SourceStoreException e)
        {
            throw new FormRejectedException(
                e.Problem switch
                {
                    SourceStoreProblem.OverLimit => FormProblem.TooLarge,
                    SourceStoreProblem.MailboxQuota => FormProblem.Busy,
                    _ => FormProblem.Unavailable,
                },
                e);
        }
    }
}
