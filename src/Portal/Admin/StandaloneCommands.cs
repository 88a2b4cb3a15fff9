using WhistleSubmit.Portal.Configuration;
using WhistleSubmit.Portal.Configuration.Team;
using WhistleSubmit.Portal.Features.Transfer;
using WhistleSubmit.Portal.Features.Transfer.Accounts;
using WhistleSubmit.Portal.Features.Transfer.Operations;
using WhistleSubmit.Portal.Features.Transfer.Retention;
using WhistleSubmit.Portal.Store;

namespace WhistleSubmit.Portal.Admin;

/// <summary>
/// The admin verbs when no server runs: the same classes the server registers, with the transfer and retention
/// settings read from the environment (Portal__Transfer__…, Portal__Retention__…), as the service's environment file
/// gives them to the server too.
/// </summary>
public static class StandaloneCommands
{
    /// <param name="database">The open store.</param>
    /// <param name="options">The data directory (the team key is read from it as the server reads it).</param>
    /// <param name="time">The clock.</param>
    public static AdminCommands Create(PortalDatabase database, PortalOptions options, TimeProvider time)
    {
        var store = new TransferStore(database);
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        var transfer = configuration.GetSection(TransferOptions.Section).Get<TransferOptions>() ?? new TransferOptions();
        var retention = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        bool production = configuration.GetSection(PortalOptions.Section).GetValue<bool>(nameof(PortalOptions.Production));
        if (!transfer.IsValid(production) || !retention.IsValid())
        {
            throw new PortalStartupException(
                "the Portal__Transfer__ or Portal__Retention__ settings are out of range",
                "check the environment (in production Argon2 needs at least 19 MiB and 2 passes)");
        }

        options.Production = production;
        PortalTeamKey team = PortalTeamKeyLoader.Load(options, time);
        return new AdminCommands(store, time, new TransferOperations(store, time, team),
            new ReviewerCommands(store, time, new PasswordHasher(transfer)), new RetentionReport(store, time, retention));
    }
}
