using WhistleSubmit.Portal.Admin;
using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Recipients;
using WhistleSubmit.Portal.Features;
using WhistleSubmit.Portal.Features.Mailbox;
using WhistleSubmit.Portal.Features.ProofOfWork;
using WhistleSubmit.Portal.Features.SourceStore;
using WhistleSubmit.Portal.Features.Submit;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Upload;
using WhistleSubmit.Portal.Localization;
using WhistleSubmit.Portal.Logging;
using WhistleSubmit.Portal.Security;
using WhistleSubmit.Portal.Storage;

// whistle-portal: the source-facing portal, and on a second listener the reviewers' transfer interface. Each line below is one feature; its extension method says why.
// Admin verbs (recipients, export, import-replies, confirm, status, reviewer) run instead of the server.
if (AdminCli.IsVerb(args))
{
    return AdminCli.Run(args);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortalConfiguration(args);
    builder.AddPrivacyLogging();
    builder.AddHardenedKestrel();
    builder.AddDataProtectionInDataDirectory();
    builder.AddReviewerKeys();
    builder.AddPortalLanguages();
    builder.AddPortalPages();
    builder.AddProofOfWork();
    builder.AddPortalStore();
    builder.AddUploads();
    builder.AddAdminSocket();
    builder.AddNoJsForms();
    builder.AddSourceStore();
    builder.AddScriptIntegrity();
    builder.AddTransferInterface();

    var app = builder.Build();
    app.LoadReviewerKeys();
    app.RequireUniformRecipients();
    app.OpenPortalStore();
    app.LoadScriptIntegrity();
    app.UseMiddleware<PrivateExceptionHandler>();
    app.UseSecurityHeaders();
    app.UseSelfHostedStaticFiles();
    app.MapLanguageRedirect();
    app.MapPortalPages();
    app.MapProofOfWork();
    app.MapUploads();
    app.MapMailboxApi();
    app.MapTransferInterface();
    app.Run();
    return 0;
}
catch (WhistleSubmit.EncryptedStore.StoreLockedException)
{
    Console.Error.WriteLine("whistle-portal: error: the store is in use by another process.");
    Console.Error.WriteLine("whistle-portal: hint: another portal or an admin command holds store/store.lock; stop it first.");
    return 2;
}
catch (PortalStartupException e)
{
    // age's style: one error line, one hint line, a non-zero exit code for the service manager.
    Console.Error.WriteLine($"whistle-portal: error: {e.Message}");
    Console.Error.WriteLine($"whistle-portal: hint: {e.Hint}");
    return 2;
}
