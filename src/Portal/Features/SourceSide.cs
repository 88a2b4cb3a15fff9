using WhistleSubmit.Portal.Features.Mailbox;
using WhistleSubmit.Portal.Features.NoScript;
using WhistleSubmit.Portal.Features.ProofOfWork;
using WhistleSubmit.Portal.Features.Rights;
using WhistleSubmit.Portal.Features.Upload;

namespace WhistleSubmit.Portal.Features;

/// <summary>
/// The source side, on the public listener: the pages (Landing, About, Rights, Submit, Mailbox), the no-JS form machinery
/// behind Submit and Mailbox (NoScript), and for the browser-encryption path the proof of work, the upload API and
/// the mailbox API. Everything here reaches the store through <see cref="Store.SourceStore"/>.
/// </summary>
public static class SourceSide
{
    public static WebApplicationBuilder AddSourceSide(this WebApplicationBuilder builder)
    {
        builder.AddProofOfWork();
        builder.AddUploads();
        builder.AddNoJsForms();
        builder.AddRightsPage();
        builder.Services.AddSingleton<CodenameGate>();
        return builder;
    }

    public static WebApplication MapSourceSide(this WebApplication app)
    {
        app.MapProofOfWork();
        app.MapUploads();
        app.MapMailboxApi();
        return app;
    }
}
