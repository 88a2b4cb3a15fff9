using WhistleSubmit.Portal.Admin;
using WhistleSubmit.Portal.CommandLine;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Features;
using WhistleSubmit.Portal.Features.NoScript;
using WhistleSubmit.Portal.Features.Rights;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Localization;
using WhistleSubmit.Portal.Logging;
using WhistleSubmit.Portal.Security;
using WhistleSubmit.Portal.Store;

// whistle-portal: the source-facing portal, and on a second listener the reviewers' transfer interface. The two sides
// are the two chapters below (Features/SourceSide.cs, Features/Transfer/TransferSide.cs); the rest is shared hosting,
// security and the store. Each line's extension method says why.
// The command line (CommandLine/) decides: no verb serves, a verb (recipients, export, import-replies, confirm, status,
// reviewer) runs instead of the server, and anything else is refused before a file is touched.
return PortalCommandLine.Run(args, Serve);

static int Serve(string[] args)
{
    try
    {
        // The content root (appsettings.json, wwwroot) is the program's own directory, never the working directory:
        // `dotnet whistle-portal.dll` started elsewhere would otherwise serve pages without their scripts. An explicit
        // --contentRoot=DIR (checked to exist, HostSettings) is honoured; set here because the option above wins over it.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = HostSettings.ContentRoot(args) ?? AppContext.BaseDirectory,
        });

        // Shared hosting and security.
        builder.AddPortalConfiguration(args);
        builder.AddPrivacyLogging();
        builder.AddHardenedKestrel();
        builder.AddDataProtectionInDataDirectory();
        builder.AddReviewerKeys();
        builder.AddPortalTeamKey();
        builder.AddPortalLanguages();
        builder.AddPortalPages();
        builder.AddPortalStore();
        builder.AddScriptIntegrity();

        // Chapter 1: the source side (public listener).
        builder.AddSourceSide();

        // Chapter 2: the transfer side (reviewers' listener), and the operator's admin socket that drives the same operations.
        builder.AddTransferSide();
        builder.AddAdminSocket();

        var app = builder.Build();

        // Startup checks, before listening; the web root first, so a broken one leaves no demo key behind.
        app.LoadScriptIntegrity();
        app.LoadReviewerKeys();
        app.LoadPortalTeamKey();
        app.RequireUniformRecipients();
        app.LoadRightsPage();
        app.OpenPortalStore();

        // Shared middleware, in this order: errors, headers, static files, then the endpoints.
        app.UseMiddleware<PrivateExceptionHandler>();
        app.UseSecurityHeaders();
        app.UseSelfHostedStaticFiles();
        app.MapLanguageRedirect();
        app.MapPortalPages();

        app.MapSourceSide();
        app.MapTransferSide();
        app.RunThenStampFileTimes();
        return 0;
    }
    catch (Exception e)
    {
        // Every failure to start (a port taken, an unwritable data directory, a locked store, missing keys or
        // scripts) ends with one error line and exit code 2 (Configuration/StartupFailure.cs).
        return StartupFailure.Report(e, Console.Error);
    }
}
