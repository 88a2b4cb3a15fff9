using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using WhistleSubmit.Portal.Configuration;

namespace WhistleSubmit.Portal.Security;

public static class DataProtectionExtensions
{
    /// <summary>
    /// Keeps the DataProtection key ring in the data directory (not in ~/.aspnet, which the operator would not know to
    /// back up or wipe): everything the portal writes lives under one directory readable by its user only.
    /// </summary>
    public static WebApplicationBuilder AddDataProtectionInDataDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("whistlesubmit-portal");
        builder.Services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<PortalOptions>, ILoggerFactory>((keys, portal, loggers) =>
            {
                string directory = Path.Combine(portal.Value.DataDirectoryFullPath, "dataprotection-keys");
                DataDirectory.Ensure(portal.Value.DataDirectoryFullPath);
                DataDirectory.Ensure(directory);
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), loggers);
                loggers.CreateLogger("WhistleSubmit.Portal.Startup").LogInformation(
                    "Key ring: {Directory} is not encrypted at rest; only its owner-only permissions protect it, so a full copy of the data directory opens the store (SECURITY.md, seized portal server).",
                    directory);
            });
        return builder;
    }

    /// <summary>
    /// DataProtection's "No XML encryptor configured … may be persisted to storage in unencrypted form", logged at every
    /// start: the unencrypted key ring is a decision (an unattended server has nothing to unlock an encryptor with), and
    /// the portal's own line above says what protects it. Only this warning is dropped; DataProtection's others stay.
    /// </summary>
    public static bool IsUnencryptedKeyRingWarning(Serilog.Events.LogEvent logEvent) =>
        logEvent.Level == Serilog.Events.LogEventLevel.Warning
        && logEvent.MessageTemplate.Text.StartsWith("No XML encryptor configured.", StringComparison.Ordinal)
        && logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source.ToString() == "\"Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager\"";
}
