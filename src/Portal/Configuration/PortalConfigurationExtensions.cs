namespace WhistleSubmit.Portal.Configuration;

public static class PortalConfigurationExtensions
{
    // Short command-line switches for the settings an operator changes most.
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--data"] = $"{PortalOptions.Section}:{nameof(PortalOptions.DataDirectory)}",
        ["--production"] = $"{PortalOptions.Section}:{nameof(PortalOptions.Production)}",
        ["--port"] = $"{PortalOptions.Section}:{nameof(PortalOptions.Port)}",
        ["--transfer-port"] = $"{PortalOptions.Section}:{nameof(PortalOptions.TransferPort)}",
    };

    /// <summary>Binds <see cref="PortalOptions"/> from appsettings, environment and the command line (in rising precedence).</summary>
    public static WebApplicationBuilder AddPortalConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLine(args, Switches);
        builder.Services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .Validate(o => o.Port is >= 0 and <= 65535, "Portal:Port must be between 0 and 65535.")
            .Validate(o => o.TransferPort is >= 0 and <= 65535 && (o.TransferPort == 0 || o.TransferPort != o.Port), "Portal:TransferPort must be between 0 and 65535 and differ from Portal:Port.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataDirectory), "Portal:DataDirectory must be set.");
        return builder;
    }
}
