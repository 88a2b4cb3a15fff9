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
            });
        return builder;
    }
}
